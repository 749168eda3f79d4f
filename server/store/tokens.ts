import { cachedStatement, type Db } from './db.ts';
import { tokenId } from './token-id.ts';

export { tokenId };

/** Sign-in sessions kept per user; signing in once more drops the oldest. */
export const MAX_SESSIONS_PER_USER = 100;

export interface NewToken {
  token: string;
  username: string;
  application: boolean;
  expiresTime: number | null;
  /** What the owner calls an application token ('' for sign-in tokens). */
  name?: string;
}

export interface TokenRecord {
  /** The token's SHA-256: GET /api/v1/token lists these, DELETE accepts them. */
  id: string;
  username: string;
  application: boolean;
  expiresTime: number | null;
  name: string;
  createdTime: number;
}

interface TokenRow {
  token_hash: string;
  username: string;
  application: number;
  expires_time: number | null;
  name: string;
  created_time: number;
}

const toRecord = (row: TokenRow): TokenRecord => ({
  id: row.token_hash,
  username: row.username,
  application: row.application === 1,
  expiresTime: row.expires_time,
  name: row.name,
  createdTime: row.created_time,
});

/** Every issued token, so that a token is valid only while it is stored here (revocation). */
export class TokenStore {
  constructor(private readonly db: Db) {}

  add(record: NewToken, now = Date.now()): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'DELETE FROM tokens WHERE username = ? AND expires_time IS NOT NULL AND expires_time <= ?',
        )
        .run(record.username, now);
      this.db
        .prepare(
          'INSERT INTO tokens (token_hash, username, application, created_time, expires_time, name) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          tokenId(record.token),
          record.username,
          record.application ? 1 : 0,
          now,
          record.expiresTime,
          record.name ?? '',
        );
      if (!record.application) {
        this.db
          .prepare(
            `DELETE FROM tokens WHERE rowid IN (SELECT rowid FROM tokens WHERE username = ? AND application = 0
               ORDER BY created_time DESC, rowid DESC LIMIT -1 OFFSET ?)`,
          )
          .run(record.username, MAX_SESSIONS_PER_USER);
      }
    })();
  }

  /** The record of a token, looked up by its hash. */
  get(token: string): TokenRecord | undefined {
    return this.byId(tokenId(token));
  }

  byId(id: string): TokenRecord | undefined {
    const row = cachedStatement(this.db, 'SELECT * FROM tokens WHERE token_hash = ?').get(id) as
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

  /** Application tokens of the user that have not expired, oldest first. */
  listApplication(username: string, now = Date.now()): TokenRecord[] {
    return this.listValid(username, now).filter((record) => record.application);
  }

  countApplicationTokens(username: string, now = Date.now()): number {
    return this.listApplication(username, now).length;
  }

  revoke(token: string): void {
    this.revokeId(tokenId(token));
  }

  revokeId(id: string): void {
    this.db.prepare('DELETE FROM tokens WHERE token_hash = ?').run(id);
  }

  /** Ends every token of the user, application tokens too, except `keep` (after a password change). */
  revokeAllOf(username: string, keep?: string): void {
    this.db
      .prepare('DELETE FROM tokens WHERE username = ? AND token_hash IS NOT ?')
      .run(username, keep === undefined ? null : tokenId(keep));
  }
}
