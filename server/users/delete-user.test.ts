import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { TEST_ADMIN } from '../../testing/app.ts';
import { apiClient, waitForJobState, type ApiClient } from '../../testing/http.ts';
import { importJobs } from '../jobs/import-jobs.ts';
import {
  createRuntimeApp,
  oneTaskJob,
  processesOf,
  type RuntimeTestApp,
} from '../runtime/test-kit.ts';
import { openDatabase } from '../store/db.ts';
import { migrations } from '../store/migrations.ts';

const json = { 'content-type': 'application/json' };

describe('deleting a user', () => {
  let kit: RuntimeTestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    kit = await createRuntimeApp();
    admin = apiClient(kit.app, await kit.login(TEST_ADMIN.username, TEST_ADMIN.password));
  });
  afterAll(() => kit.close());

  it('stops their jobs, ends their tokens, and a new user of the same name controls none of it', async () => {
    const running = await kit.submit(oneTaskJob('echo secret-output >&2; exec sleep 600'));
    const queued = await kit.submit(
      oneTaskJob('exec sleep 600', { virtualCluster: 'research' }, { cpuNumber: 4 }),
    );
    const blocker = await kit.submit(
      oneTaskJob('exec sleep 600', { virtualCluster: 'research' }, { cpuNumber: 4 }),
    );
    await waitForJobState(admin, kit.jobUrl(running), 'RUNNING');
    const containerId = (await admin('GET', kit.jobUrl(running))).body as JobDetail;
    const container = containerId.taskRoles.main!.taskStatuses[0]!.containerId!;
    expect(processesOf(container).length).toBeGreaterThan(0);
    const alice = apiClient(kit.app, kit.token);
    const stderr = `${kit.jobUrl(running)}/tasks/main/0/logs/stderr`;
    await vi.waitFor(async () => expect((await alice('GET', stderr)).text).toBe('secret-output\n'));
    const application = (
      (await alice('POST', '/api/v1/token/application')).body as { token: string }
    ).token;

    const removed = await admin('DELETE', '/api/v2/user/alice');
    expect(removed.status, removed.text).toBe(200);

    await waitForJobState(admin, kit.jobUrl(running), 'STOPPED');
    expect(processesOf(container)).toEqual([]);
    for (const name of [queued, blocker]) await waitForJobState(admin, kit.jobUrl(name), 'STOPPED');
    expect((await alice('GET', '/api/v1/jobs')).status).toBe(401);
    expect((await apiClient(kit.app, application)('GET', '/api/v1/jobs')).status).toBe(401);

    const created = await admin('POST', '/api/v2/user', {
      username: 'alice',
      password: 'another-password',
      virtualCluster: ['default', 'research'],
    });
    expect(created.status, created.text).toBe(201);
    const newAlice = apiClient(kit.app, await kit.login('alice', 'another-password'));
    const url = kit.jobUrl(running);
    const detail = await newAlice('GET', url);
    expect(detail.status).toBe(200);
    // OpenPAI's shape: the job is still shown under its user's name, without its output.
    expect((detail.body as JobDetail).jobStatus.username).toBe('alice');
    expect(detail.text).not.toContain('secret-output');
    const refused = [
      await newAlice('GET', `${url}/config`),
      await newAlice('GET', `${url}/ssh`),
      await newAlice('GET', `${url}/ssh/private-key`),
      await newAlice('GET', `${url}/tasks/main/0/logs/stderr`),
      await newAlice('GET', `${url}/tasks/main/0/metrics`),
      await newAlice('PUT', `${url}/executionType`, { value: 'STOP' }),
      await newAlice('DELETE', url),
    ];
    for (const answer of refused) {
      expect(answer.status, answer.text).toBe(403);
      expect(answer.body).toMatchObject({ code: 'ForbiddenUserError' });
    }
    // The admin still reads them; the new user's own jobs are theirs.
    expect((await admin('GET', `${url}/tasks/main/0/logs/stderr`)).text).toBe('secret-output\n');
    const own = JSON.stringify(oneTaskJob('true'));
    expect((await newAlice('POST', '/api/v1/user/alice/jobs', own, json)).status).toBe(202);
    const ownName = (JSON.parse(own) as { jobName: string }).jobName;
    expect((await newAlice('GET', `${kit.jobUrl(ownName)}/config`)).status).toBe(200);
  });

  it.runIf(process.getuid?.() === 0)(
    'a new user of the same name gets another task uid and none of the old user files',
    async () => {
      const runAs = async (token: string, command: string) => {
        const config = oneTaskJob(command);
        const post = await apiClient(kit.app, token)(
          'POST',
          '/api/v1/user/dora/jobs',
          JSON.stringify(config),
          json,
        );
        expect(post.status, post.text).toBe(202);
        const url = `/api/v1/user/dora/jobs/${config.jobName as string}`;
        await waitForJobState(admin, url, 'SUCCEEDED');
        return (await admin('GET', `${url}/tasks/main/0/logs/stdout`)).text;
      };
      // A task sees its user's own files at the data dir's path.
      const before = await runAs(
        await kit.addUser('dora'),
        `id -u; echo kept > ${kit.dataDir}/note`,
      );
      expect((await admin('DELETE', '/api/v2/user/dora')).status).toBe(200);
      const after = await runAs(
        await kit.addUser('dora'),
        `id -u; cat ${kit.dataDir}/note 2>/dev/null || echo absent`,
      );
      expect(after.split('\n')[0]).not.toBe(before.split('\n')[0]);
      expect(after).toContain('absent');
      // The admin's list counts only the new user's own job.
      const listed = (await admin('GET', '/api/v2/user')).body as {
        username: string;
        jobCount: number;
      }[];
      expect(listed.find((user) => user.username === 'dora')?.jobCount).toBe(1);
    },
  );

  it('takes jobs kept by name only (imported history) with the user', async () => {
    importJobs(
      kit.db,
      JSON.stringify([
        { name: 'history', username: 'carol', state: 'RUNNING', config: '{"jobName":"history"}' },
      ]),
    );
    const carol = apiClient(kit.app, await kit.addUser('carol'));
    expect((await carol('GET', '/api/v1/user/carol/jobs/history/config')).status).toBe(200);
    expect((await admin('DELETE', '/api/v2/user/carol')).status).toBe(200);
    // Its old cluster listed it as running: the deletion stopped it.
    const history = (await admin('GET', '/api/v1/user/carol/jobs/history')).body as JobDetail;
    expect(history.jobStatus.state).toBe('STOPPED');
    const newCarol = apiClient(kit.app, await kit.addUser('carol'));
    expect((await newCarol('GET', '/api/v1/user/carol/jobs/history/config')).status).toBe(403);
  });
});

describe('migration 8 (stable user ids)', () => {
  it('gives existing jobs the id of the user of their name; jobs of names without a user keep none', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pai-migrate-'));
    try {
      const old = new Database(join(dataDir, 'pai.sqlite'));
      for (const migration of migrations.slice(0, 7)) {
        if (typeof migration === 'string') old.exec(migration);
        else migration(old);
      }
      old.pragma('user_version = 7');
      old.exec(`
        INSERT INTO users (username, password_hash, created_time) VALUES ('dave', 'x', 1), ('erin', 'x', 1);
        INSERT INTO jobs (framework_name, name, namespace, username, virtual_cluster, created_time)
          VALUES ('dave~a', 'a', 'dave', 'dave', 'default', 1), ('erin~b', 'b', 'erin', 'erin', 'default', 1),
                 ('gone', 'gone', NULL, 'frank', 'default', 1);`);
      old.close();

      const db = openDatabase(dataDir);
      const users = Object.fromEntries(
        db
          .prepare('SELECT username, user_id FROM users')
          .all()
          .map((row) => {
            const { username, user_id } = row as { username: string; user_id: string };
            return [username, user_id];
          }),
      );
      expect(users.dave).toMatch(/^[0-9a-f]{32}$/);
      expect(users.erin).not.toBe(users.dave);
      expect(db.prepare('SELECT framework_name, user_id FROM jobs ORDER BY id').all()).toEqual([
        { framework_name: 'dave~a', user_id: users.dave },
        { framework_name: 'erin~b', user_id: users.erin },
        { framework_name: 'gone', user_id: null },
      ]);
      db.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
