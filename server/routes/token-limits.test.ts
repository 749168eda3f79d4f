import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db.ts';
import { migrations } from '../store/migrations.ts';
import { tokenId } from '../store/tokens.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';
import { MAX_APPLICATION_TOKENS } from './token.ts';

const fileText = (path: string) => {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
};

describe('application tokens and token storage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stores tokens only as SHA-256 hashes and finds them by hash', async () => {
    const session = await t.addUser('erin');
    const application = (
      (await apiClient(t.app, session)('POST', '/api/v1/token/application')).body as {
        token: string;
      }
    ).token;
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = ['pai.sqlite', 'pai.sqlite-wal'].map((name) => fileText(join(t.dataDir, name)));
    for (const token of [session, application]) {
      for (const text of files) expect(text).not.toContain(token);
      expect(
        t.db.prepare('SELECT username FROM tokens WHERE token_hash = ?').get(tokenId(token)),
      ).toEqual({ username: 'erin' });
    }
    const plan = t.db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM tokens WHERE token_hash = ?')
      .all('x') as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toMatch(/USING INDEX|PRIMARY KEY/);
  });

  it(`caps application tokens at ${MAX_APPLICATION_TOKENS} per user`, async () => {
    const api = apiClient(t.app, await t.addUser('frank'));
    const issued: string[] = [];
    for (let i = 0; i < MAX_APPLICATION_TOKENS; i++) {
      const response = await api('POST', '/api/v1/token/application');
      expect(response.status).toBe(200);
      issued.push((response.body as { token: string }).token);
    }
    const refused = await api('POST', '/api/v1/token/application');
    expect(refused).toMatchObject({ status: 403, body: { code: 'NoEnoughQuotaError' } });
    await api('DELETE', `/api/v1/token/${issued[0]}`);
    expect((await api('POST', '/api/v1/token/application')).status).toBe(200);
  });

  it('gives an application token an expiry when asked, and refuses one out of range', async () => {
    const api = apiClient(t.app, await t.addUser('gail'));
    const response = await api('POST', '/api/v1/token/application', { expiration: 3600 });
    const claims = decodeJwt((response.body as { token: string }).token);
    expect(claims.exp! - claims.iat!).toBe(3600);
    const tooLong = await api('POST', '/api/v1/token/application', { expiration: 10 ** 9 });
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'InvalidParametersError' } });
  });

  it('ends application tokens when the password changes', async () => {
    const session = await t.addUser('hank');
    const api = apiClient(t.app, session);
    const application = ((await api('POST', '/api/v1/token/application')).body as { token: string })
      .token;
    await api('PUT', '/api/v2/user/hank/password', {
      oldPassword: 'hank-password',
      newPassword: 'new-hank-password',
    });
    expect((await apiClient(t.app, application)('GET', '/api/v1/jobs')).status).toBe(401);
    expect((await api('GET', '/api/v1/jobs')).status).toBe(200);
  });
});

describe('migration of stored tokens', () => {
  it('hashes the tokens of an older database in place, leaving no token in the file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pai-token-migration-'));
    try {
      const old = new Database(join(dataDir, 'pai.sqlite'));
      old.pragma('journal_mode = WAL');
      for (const migration of migrations.slice(0, 4)) old.exec(migration as string);
      old.pragma('user_version = 4');
      old
        .prepare("INSERT INTO users (username, password_hash, created_time) VALUES ('ivy', 'x', 0)")
        .run();
      const token = 'eyJ.old-token-in-clear.sig';
      old
        .prepare(
          "INSERT INTO tokens (token, username, application, created_time) VALUES (?, 'ivy', 1, 0)",
        )
        .run(token);
      old.close();

      const db = openDatabase(dataDir);
      expect(db.prepare('SELECT token_hash, username, application FROM tokens').all()).toEqual([
        { token_hash: tokenId(token), username: 'ivy', application: 1 },
      ]);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      expect(fileText(join(dataDir, 'pai.sqlite'))).not.toContain('old-token-in-clear');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
