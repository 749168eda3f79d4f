import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobsCommand } from './jobs-command.ts';

describe('jobs command', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names a file it cannot read and imports nothing', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => errors.push(message));
    expect(await jobsCommand(['import', '/nonexistent/history.json'])).toBe(1);
    expect(errors).toEqual([
      expect.stringMatching(/^Cannot read \/nonexistent\/history\.json: ENOENT/),
    ]);
  });

  it('prints its usage on wrong arguments', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => errors.push(message));
    expect(await jobsCommand(['export', 'x'])).toBe(2);
    expect(errors).toEqual(['usage: pai jobs import FILE']);
  });
});
