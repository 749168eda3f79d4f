import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config-error.ts';

/** Well above Debian's normal (1000–59999) and subordinate (100000 + 65536·n) uid ranges. */
export const DEFAULT_TASK_UID_RANGE = '2147000000-2147099999';

export interface UidRange {
  first: number;
  last: number;
}

export function parseUidRange(text: string = DEFAULT_TASK_UID_RANGE): UidRange {
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first < 1000 || last < first || last >= 2 ** 31) {
    throw new ConfigError(
      'PAI_TASK_UID_RANGE',
      `"${text}" is not a range FIRST-LAST of uids between 1000 and ${2 ** 31 - 1} (e.g. ${DEFAULT_TASK_UID_RANGE}).`,
    );
  }
  return { first, last };
}

/**
 * Gives each PAI user an unprivileged uid (and a gid of the same number) of their own, the same
 * on every start: the mapping is kept in the data dir (0600) and only ever grows.
 */
export class TaskUids {
  private readonly byUser: Map<string, number>;

  constructor(
    private readonly file: string,
    private readonly range: UidRange,
  ) {
    let stored: Record<string, number> = {};
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    } catch {
      // First start: no user has a uid yet.
    }
    this.byUser = new Map(Object.entries(stored));
  }

  /** `owner` is a user's stable id (see ActiveJob.owner), so a reused name gets a new uid. */
  uidOf(owner: string): number {
    const known = this.byUser.get(owner);
    if (known !== undefined) return known;
    const used = new Set(this.byUser.values());
    let uid = this.range.first;
    while (used.has(uid)) uid++;
    if (uid > this.range.last)
      throw new Error(`PAI_TASK_UID_RANGE has no uid left for user ${owner}`);
    this.byUser.set(owner, uid);
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(Object.fromEntries(this.byUser)), {
      mode: 0o600,
    });
    renameSync(`${this.file}.tmp`, this.file);
    return uid;
  }
}
