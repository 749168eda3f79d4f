import { cachedStatement, type Db } from './db.ts';

export interface TokenRecord {
  token: string;
  username: string;
  application: boolean;
  expiresTime: number | null;
}

interface TokenRow {
  token: string;
  username: string;
  application: number;
  expires_time: number | null;
}

const toRecord = (row: TokenRow): TokenRecord => ({
  token: row.token,
  username: row.username,
  application: row.application === 1,
  expiresTime: row.expires_time,
});

/** Every issued token, so that a token is valid only while it is stored here (revocation). */
export class TokenStore {
  constructor(private readonly db: Db) {}

  add(record: TokenRecord, now = Date.now()): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'DELETE FROM tokens WHERE username = ? AND expires_time IS NOT NULL AND expires_time <= ?',
        )
        .run(record.username, now);
      this.db
        .prepare(
          'INSERT INTO tokens (token, username, application, created_time, expires_time) VALUES (?, ?, ?, ?, ?)',
        )
        .run(record.token, record.username, record.application ? 1 : 0, now, record.expiresTime);
    })();
  }

  get(token: string): TokenRecord | undefined {
    const row = cachedStatement(this.db, 'SELECT * FROM tokens WHERE token = ?').get(token) as
      TokenRow | undefined;
    return row && toRecord(row);
  }

  /** The user's tokens that have not expired, oldest first. */
  listValid(username: string, now = Date.now()): TokenRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM tokens WHERE username = ? AND (expires_time IS NULL OR expires_time > ?)
         ORDER BY created_time, rowid`,
      )
      .all(username, now) as TokenRow[];
    return rows.map(toRecord);
  }

  revoke(token: string): void {
    this.db.prepare('DELETE FROM tokens WHERE token = ?').run(token);
  }

  /** Ends the user's sign-in sessions except `keep` (after a password change); application tokens stay. */
  revokeSessionsOf(username: string, keep?: string): void {
    this.db
      .prepare('DELETE FROM tokens WHERE username = ? AND application = 0 AND token IS NOT ?')
      .run(username, keep ?? null);
  }
}
