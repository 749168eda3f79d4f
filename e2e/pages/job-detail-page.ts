import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** `/jobs/:username/:jobName` (or `/jobs/:jobName` for a legacy job). */
export class JobDetailPage {
  readonly heading: Locator;
  readonly stateBadge: Locator;
  readonly legacyBadge: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.stateBadge = page.locator('main [data-state]').first();
    this.legacyBadge = page.getByTestId('legacy-badge');
  }

  goto(username: string | null, jobName: string): Promise<unknown> {
    const path = username
      ? `/jobs/${encodeURIComponent(username)}/${encodeURIComponent(jobName)}`
      : `/jobs/${encodeURIComponent(jobName)}`;
    return this.page.goto(path);
  }

  tab(name: 'Tasks' | 'Config' | 'SSH' | 'Logs'): Promise<void> {
    return this.page.getByRole('tab', { name }).click();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Clicks a button that starts a download and returns the downloaded file's text. */
  async download(button: Locator): Promise<{ text: string; path: string; fileName: string }> {
    const downloading = this.page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    const path = await download.path();
    return { text: await readFile(path, 'utf8'), path, fileName: download.suggestedFilename() };
  }

  /** Picks stdout or stderr (Fluent's radio inputs sit under their labels, so the label is clicked). */
  async chooseStream(stream: 'stdout' | 'stderr'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Stream' })
      .locator('label')
      .filter({ hasText: new RegExp(`^${stream}$`) })
      .click();
  }

  /** The log as shown (line numbers are not part of the text). */
  logText(): Locator {
    return this.page.locator('pre[aria-label*=" of "]');
  }
}
