import type { Locator, Page } from '@playwright/test';
import type { DisplayState } from '../../contract/job-state.ts';

export class DashboardPage {
  constructor(readonly page: Page) {}

  goto(): Promise<unknown> {
    return this.page.goto('/');
  }

  /** "My jobs" or "All jobs". */
  card(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  countLink(title: string, state: DisplayState): Locator {
    return this.card(title).getByRole('link', { name: new RegExp(`^${state}: `) });
  }

  /** The number shown for `state`, once loaded. */
  async count(title: string, state: DisplayState): Promise<number> {
    const label = await this.countLink(title, state).getAttribute('aria-label');
    const match = /: (\d+) jobs?$/.exec(label ?? '');
    if (!match) throw new Error(`${title}/${state} is not loaded: ${label}`);
    return Number(match[1]);
  }
}
