import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** `/submit`: the Monaco JSON editor, the form beside it, and the toolbar. */
export class SubmitPage {
  readonly editor: Locator;
  readonly form: Locator;
  readonly submitButton: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('monaco-editor').locator('.monaco-editor');
    this.form = page.getByRole('form', { name: 'Job form' });
    this.submitButton = page.getByRole('button', { name: 'Submit', exact: true });
    this.problems = page.getByRole('region', { name: 'Problems in the config' });
  }

  async goto(clone?: string): Promise<void> {
    await this.page.goto(clone ? `/submit?clone=${encodeURIComponent(clone)}` : '/submit');
    await this.editor.waitFor();
  }

  /** Imports a config through the Import button's file picker, as a person would. */
  async importText(text: string, fileName = 'job.json'): Promise<void> {
    await this.page.getByLabel('Import a job config file').setInputFiles({
      name: fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  }

  /** The editor's text, read back through Export (what the person would download). */
  async exportedText(): Promise<string> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    return readFile(await download.path(), 'utf8');
  }

  /** A line of the editor, by text it contains. */
  editorLine(text: string): Locator {
    return this.editor.locator('.view-line').filter({ hasText: text });
  }

  /** Clicks at the end of the line holding `text` and replaces its last `count` characters by typing. */
  async retypeLineEnd(text: string, count: number, typed: string): Promise<void> {
    await this.editorLine(text).click();
    await this.page.keyboard.press('End');
    for (let i = 0; i < count; i++) await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(typed);
  }

  /** A text field of the form by its label (required fields' names end with " *"). */
  formField(label: string | RegExp): Locator {
    return this.form.getByRole('textbox', { name: label, exact: typeof label === 'string' });
  }
}
