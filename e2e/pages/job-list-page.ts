import { expect, type Locator, type Page } from '@playwright/test';

export class JobListPage {
  readonly keyword: Locator;
  readonly grid: Locator;
  readonly stopButton: Locator;
  readonly stopReason: Locator;
  readonly clearFilters: Locator;
  readonly pageRange: Locator;

  constructor(readonly page: Page) {
    this.keyword = page.getByRole('searchbox', { name: 'Search jobs by job or user name' });
    this.grid = page.getByRole('grid', { name: 'Jobs' });
    this.stopButton = page.getByRole('button', { name: 'Stop', exact: true });
    this.stopReason = page.getByTestId('stop-reason');
    this.clearFilters = page.getByRole('button', { name: 'Clear filters' }).first();
    this.pageRange = page.getByTestId('page-range');
  }

  goto(query = ''): Promise<unknown> {
    return this.page.goto(`/jobs${query}`);
  }

  /** The grid shows an answer and no request for it is under way. */
  async settled(): Promise<void> {
    await expect(this.grid).toHaveAttribute('aria-busy', 'false');
  }

  row(jobName: string): Locator {
    return this.grid
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: jobName, exact: true }) });
  }

  /** Names of the jobs shown, in order. */
  async jobNames(): Promise<string[]> {
    return this.grid.getByRole('row').locator('a[href^="/jobs/"]').allTextContents();
  }

  async select(jobName: string): Promise<void> {
    await this.row(jobName).getByRole('checkbox').check();
  }

  /** Picks options in a multi-select filter ("State", "Virtual cluster"). */
  async pick(filter: string, options: string[]): Promise<void> {
    await this.page.getByRole('combobox', { name: filter }).click();
    // Fluent draws each option's check box over its input: click the option's label.
    const listbox = this.page.getByRole('listbox', { name: filter });
    for (const option of options) await listbox.getByText(option, { exact: true }).click();
    await this.page.keyboard.press('Escape');
  }
}
