import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config-error.ts';
import { parseUidRange, TaskUids } from './task-uids.ts';

describe('task uids', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pai-uids-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each user a uid of their own from the range, the same after a restart', () => {
    const file = join(dir, 'runtime', 'task-uids.json');
    const range = parseUidRange('200000-200001');
    const uids = new TaskUids(file, range);
    expect(uids.uidOf('alice')).toBe(200000);
    expect(uids.uidOf('bob')).toBe(200001);
    expect(uids.uidOf('alice')).toBe(200000);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restarted = new TaskUids(file, range);
    expect(restarted.uidOf('bob')).toBe(200001);
    expect(() => restarted.uidOf('carol')).toThrow(/no uid left for user carol/);
  });

  it('refuses ranges that reach root, system users or past 2^31', () => {
    for (const text of ['0-100', '500-2000', '5-3', 'abc', '2147483000-2147483700'])
      expect(() => parseUidRange(text)).toThrow(ConfigError);
  });
});
