import { randomUUID } from 'node:crypto';
import { cachedStatement, type Db } from './db.ts';

export interface UserRecord {
  /** Stable and never reused: jobs keep it, so a later user of the same name is someone else. */
  id: string;
  username: string;
  passwordHash: string;
  admin: boolean;
  email: string;
  virtualClusters: string[];
  extension: Record<string, unknown>;
  createdTime: number;
  /** ms since the epoch; null until the user signs in (password or OIDC). */
  lastSignInTime: number | null;
}

interface UserRow {
  user_id: string;
  username: string;
  password_hash: string;
  admin: number;
  email: string;
  virtual_clusters: string;
  extension: string;
  created_time: number;
  last_sign_in_time: number | null;
}

const toRecord = (row: UserRow): UserRecord => ({
  id: row.user_id,
  username: row.username,
  passwordHash: row.password_hash,
  admin: row.admin === 1,
  email: row.email,
  virtualClusters: JSON.parse(row.virtual_clusters) as string[],
  extension: JSON.parse(row.extension) as Record<string, unknown>,
  createdTime: row.created_time,
  lastSignInTime: row.last_sign_in_time,
});

export type NewUser = Omit<UserRecord, 'id' | 'createdTime' | 'lastSignInTime'>;

/** Users and their grants (docs/api.md §8.2). */
export class UserStore {
  constructor(private readonly db: Db) {}

  get(username: string): UserRecord | undefined {
    const row = cachedStatement(this.db, 'SELECT * FROM users WHERE username = ?').get(username) as
      UserRow | undefined;
    return row && toRecord(row);
  }

  list(): UserRecord[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(
      toRecord,
    );
  }

  /**
   * Jobs per user (submitted or imported), for `users list` and the admin page: by the user's id,
   * so a later user of a deleted user's name does not count the old jobs; jobs kept by name only
   * count for the user of that name.
   */
  jobCounts(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT username, sum(n) AS n FROM (
           SELECT u.username, count(*) AS n FROM jobs j JOIN users u ON u.user_id = j.user_id
           GROUP BY u.username
           UNION ALL
           SELECT username, count(*) AS n FROM jobs WHERE user_id IS NULL GROUP BY username)
         GROUP BY username`,
      )
      .all() as { username: string; n: number }[];
    return new Map(rows.map((row) => [row.username, row.n]));
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  /** The new user's id, or null when the name is taken. */
  create(user: NewUser): string | null {
    const id = randomUUID();
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO users (user_id, username, password_hash, admin, email, virtual_clusters, extension, created_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        user.username,
        user.passwordHash,
        user.admin ? 1 : 0,
        user.email,
        JSON.stringify(user.virtualClusters),
        JSON.stringify(user.extension),
        Date.now(),
      );
    return result.changes === 1 ? id : null;
  }

  setPasswordHash(username: string, passwordHash: string): void {
    this.db
      .prepare('UPDATE users SET password_hash = ? WHERE username = ?')
      .run(passwordHash, username);
  }

  recordSignIn(username: string, time = Date.now()): void {
    cachedStatement(this.db, 'UPDATE users SET last_sign_in_time = ? WHERE username = ?').run(
      time,
      username,
    );
  }

  setAdmin(username: string, admin: boolean): void {
    this.db.prepare('UPDATE users SET admin = ? WHERE username = ?').run(admin ? 1 : 0, username);
  }

  setVirtualClusters(username: string, virtualClusters: string[]): void {
    this.db
      .prepare('UPDATE users SET virtual_clusters = ? WHERE username = ?')
      .run(JSON.stringify(virtualClusters), username);
  }

  /** Deletes the user; their tokens go with them (foreign key cascade). */
  delete(username: string): void {
    this.db.prepare('DELETE FROM users WHERE username = ?').run(username);
  }
}
