import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserListItem } from '../../contract/api-types.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';
import { hashPassword } from '../auth/password.ts';
import { importJobs } from '../jobs/import-jobs.ts';
import { migrations } from '../store/migrations.ts';

const byName = (list: unknown, username: string) =>
  (list as UserListItem[]).find((user) => user.username === username);

describe('GET /api/v2/user for the administration page', () => {
  let t: TestApp;
  let admin: ApiClient;
  let alice: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = apiClient(t.app, await t.login('admin', 'admin-password'));
    alice = apiClient(t.app, await t.addUser('alice'));
    await admin('POST', '/api/v2/user', { username: 'nobody', password: 'nobody-password' });
    importJobs(
      t.db,
      JSON.stringify([
        { name: 'a1', username: 'alice', state: 'SUCCEEDED' },
        { name: 'a2', username: 'alice', state: 'FAILED' },
      ]),
    );
  });
  afterAll(() => t.close());

  it('gives each user their number of jobs and when they last signed in', async () => {
    const before = Date.now();
    await t.login('alice', 'alice-password');
    const answer = await admin('GET', '/api/v2/user');
    expect(answer.status).toBe(200);
    const aliceRow = byName(answer.body, 'alice')!;
    expect(aliceRow).toMatchObject({ username: 'alice', admin: false, jobCount: 2 });
    expect(aliceRow.lastSignInTime).toBeGreaterThanOrEqual(before);
    expect(aliceRow.lastSignInTime).toBeLessThanOrEqual(Date.now());
    expect(byName(answer.body, 'nobody')).toMatchObject({ jobCount: 0, lastSignInTime: null });
    expect(JSON.stringify(answer.body)).not.toMatch(/password|scrypt/i);
  });

  it('does not count a refused sign-in as one', async () => {
    const last = byName((await admin('GET', '/api/v2/user')).body, 'alice')!.lastSignInTime;
    await apiClient(t.app)('POST', '/api/v1/token', {
      username: 'alice',
      password: 'not-her-password',
    });
    expect(byName((await admin('GET', '/api/v2/user')).body, 'alice')!.lastSignInTime).toBe(last);
  });

  it('refuses the list to non-admins (403) and to anonymous callers (401)', async () => {
    expect(await alice('GET', '/api/v2/user')).toMatchObject({
      status: 403,
      body: { code: 'ForbiddenUserError' },
    });
    expect(await apiClient(t.app)('GET', '/api/v2/user')).toMatchObject({
      status: 401,
      body: { code: 'UnauthorizedUserError' },
    });
  });

  it('refuses a non-admin changing admin rights with 403 whatever the body says', async () => {
    for (const body of [{ admin: true }, { admin: 'yes' }, {}, { admin: true, extra: 1 }]) {
      expect(await alice('PUT', '/api/v2/user/alice/admin', body)).toMatchObject({
        status: 403,
        body: { code: 'ForbiddenUserError' },
      });
    }
    expect(byName((await admin('GET', '/api/v2/user')).body, 'alice')!.admin).toBe(false);
  });
});

describe('migration 9 (last sign-in)', () => {
  it('keeps the users of a database made before it, who then sign in as before', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pai-test-'));
    const old = new Database(join(dataDir, 'pai.sqlite'));
    const before = migrations.slice(0, 7);
    old.transaction(() => {
      for (const migration of before) {
        if (typeof migration === 'string') old.exec(migration);
        else migration(old);
      }
      old.pragma(`user_version = ${before.length}`);
    })();
    old
      .prepare(
        "INSERT INTO users (username, password_hash, admin, email, created_time) VALUES ('admin', ?, 1, 'root@example.org', 1)",
      )
      .run(await hashPassword('admin-password'));
    old.close();

    const t = await createTestApp({ dataDir });
    try {
      const admin = apiClient(t.app, await t.login('admin', 'admin-password'));
      const list = (await admin('GET', '/api/v2/user')).body as UserListItem[];
      expect(list).toEqual([
        expect.objectContaining({ username: 'admin', email: 'root@example.org', admin: true }),
      ]);
      expect(list[0]!.lastSignInTime).toBeGreaterThan(0);
      expect(t.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      await t.close();
    }
  });
});
