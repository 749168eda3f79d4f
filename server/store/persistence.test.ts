import { afterAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { importJobs } from '../jobs/import-jobs.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';

const CONFIG =
  '{"jobName": "kept", "image": "x", "taskRoles": [{"name": "m", "command": "true"}]}\n';

describe('a restart (close database and app, open the same data dir) loses nothing', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('keeps users, passwords, tokens, revocations and jobs', async () => {
    t = await createTestApp();
    const session = await t.addUser('alice');
    const alice = apiClient(t.app, session);
    const revoked = await t.login('alice', 'alice-password');
    await alice('DELETE', `/api/v1/token/${revoked}`);
    await alice('PUT', '/api/v2/user/alice/password', {
      oldPassword: 'alice-password',
      newPassword: 'changed-password',
    });
    // After the change: a password change ends application tokens too.
    const application = (
      (await alice('POST', '/api/v1/token/application')).body as { token: string }
    ).token;
    expect(
      (
        await alice('POST', '/api/v1/user/alice/jobs', CONFIG, {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(202);
    importJobs(
      t.db,
      JSON.stringify([{ name: 'old', username: 'alice', state: 'SUCCEEDED', legacy: true }]),
    );
    const before = (await alice('GET', '/api/v1/user/alice/jobs/kept')).body as JobDetail;

    const { dataDir } = t;
    await t.close({ keepDataDir: true });
    t = await createTestApp({ dataDir });
    const again = apiClient(t.app, session);

    expect((await again('GET', '/api/v1/user/alice/jobs/kept')).body).toEqual(before);
    expect((await again('GET', '/api/v1/user/alice/jobs/kept/config')).text).toBe(CONFIG);
    expect((await again('GET', '/api/v1/jobs/old')).status).toBe(200);
    expect((await apiClient(t.app, application)('GET', '/api/v1/jobs')).status).toBe(200);
    expect((await apiClient(t.app, revoked)('GET', '/api/v1/jobs')).status).toBe(401);
    await expect(t.login('alice', 'alice-password')).rejects.toThrow(/IncorrectPasswordError/);
    await t.login('alice', 'changed-password');
    expect(t.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 2 });
  });
});
