import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail, JobListItem } from '../../contract/api-types.ts';
import { fastLocalRuntime } from '../runtime/test-kit.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';
import { ImportError, importJobs } from './import-jobs.ts';

/** History as an OpenPAI cluster lists it (docs/api.md §5.2), one item with its config. */
const HISTORY = [
  {
    name: 'old-train',
    username: 'alice',
    state: 'RUNNING',
    subState: 'APPLICATION_RUNNING',
    executionType: 'START',
    retries: 2,
    retryDetails: { user: 1, platform: 1, resource: 0 },
    createdTime: 1_500_000_000_000,
    completedTime: null,
    appExitCode: null,
    virtualCluster: 'vc-that-is-gone',
    totalGpuNumber: 4,
    totalTaskNumber: 2,
    totalTaskRoleNumber: 1,
    legacy: true,
    config: '{"jobName":"old-train","image":"x","taskRoles":[]}',
  },
  {
    name: 'tf-mnist',
    username: 'alice',
    state: 'SUCCEEDED',
    subState: 'FRAMEWORK_COMPLETED',
    executionType: 'START',
    retries: 0,
    createdTime: 1_550_000_000_000,
    completedTime: 1_550_000_600_000,
    appExitCode: 0,
    virtualCluster: 'default',
    totalGpuNumber: 1,
    totalTaskNumber: 1,
    totalTaskRoleNumber: 1,
    frameworkName: 'alice~tf-mnist',
  },
  { name: 'shared', username: 'admin', namespace: 'team', state: 'FAILED', appExitCode: 1 },
];

describe('importing job history', () => {
  let t: TestApp;
  let alice: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({
      runtime: fastLocalRuntime,
    });
    alice = apiClient(t.app, await t.addUser('alice'));
  });
  afterAll(() => t.close());

  it('imports every item once, however often the file is imported', () => {
    expect(importJobs(t.db, JSON.stringify(HISTORY))).toEqual({ imported: 3, skipped: 0 });
    expect(importJobs(t.db, JSON.stringify(HISTORY))).toEqual({ imported: 0, skipped: 3 });
    expect(t.db.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual({ n: 3 });
  });

  it('lists imported jobs as OpenPAI listed them, legacy ones marked', async () => {
    const items = (await alice('GET', '/api/v1/jobs')).body as JobListItem[];
    expect(items.map((item) => item.name)).toEqual(['tf-mnist', 'shared', 'old-train']);
    expect(items[2]).toEqual({
      name: 'old-train',
      username: 'alice',
      state: 'RUNNING',
      subState: 'APPLICATION_RUNNING',
      executionType: 'START',
      retries: 2,
      retryDetails: { user: 1, platform: 1, resource: 0 },
      createdTime: 1_500_000_000_000,
      completedTime: null,
      appExitCode: null,
      virtualCluster: 'vc-that-is-gone',
      totalGpuNumber: 4,
      totalTaskNumber: 2,
      totalTaskRoleNumber: 1,
      legacy: true,
      appLaunchedTime: null,
      imported: true,
    });
    expect(items[0]).not.toHaveProperty('legacy');
    expect(items[1]).toMatchObject({
      name: 'shared',
      namespace: 'team',
      createdTime: new Date(2018, 1, 1).getTime(),
    });
  });

  it('reaches legacy jobs only at /api/v1/jobs/:name, namespaced ones at their namespace', async () => {
    expect((await alice('GET', '/api/v1/jobs/old-train')).body).toMatchObject({
      name: 'old-train',
      jobStatus: { name: 'old-train' },
    });
    expect((await alice('GET', '/api/v1/jobs/old-train/config')).text).toBe(HISTORY[0]!.config);
    expect((await alice('GET', '/api/v1/user/alice/jobs/old-train')).status).toBe(404);
    expect((await alice('GET', '/api/v1/user/alice/jobs/tf-mnist')).status).toBe(200);
    expect((await alice('GET', '/api/v1/user/alice/jobs/tf-mnist/config')).body).toMatchObject({
      code: 'NoJobConfigError',
      message: 'Config of job tf-mnist is not found.',
    });
    expect((await alice('GET', '/api/v1/jobs/team~shared')).status).toBe(200);
    expect((await alice('GET', '/api/v1/jobs/old-train/ssh')).body).toMatchObject({
      code: 'NoJobSshInfoError',
    });
  });

  it('leaves imported jobs alone when the runtime recovers after a restart', async () => {
    const dataDir = t.dataDir;
    await t.close({ keepDataDir: true });
    t = await createTestApp({
      dataDir,
      runtime: fastLocalRuntime,
    });
    alice = apiClient(t.app, await t.login('alice', 'alice-password'));
    const detail = (await alice('GET', '/api/v1/jobs/old-train')).body as JobDetail;
    expect(detail.jobStatus).toMatchObject({ state: 'RUNNING', executionType: 'START' });
    expect(detail.taskRoles).toEqual({});
  });

  it.each([
    ['not JSON', '{', /^The file is not JSON/],
    ['not an array', '{"name":"x"}', /^The file must hold a JSON array of jobs/],
    [
      'items without name or user',
      '[{"username":"a"},{"name":"b"}]',
      /^jobs\[0\]: name is required\njobs\[1\]: username is required$/,
    ],
    [
      'a bad state and a bad name',
      '[{"name":"a~b","username":"u","state":"DONE"}]',
      /jobs\[0\]: name must match .*\njobs\[0\]: state must be one of/,
    ],
    [
      'a user name too long or reserved, and a job name too long',
      `[{"name":"${'j'.repeat(64)}","username":"${'u'.repeat(65)}"},{"name":"b","username":"__proto__","namespace":"constructor"}]`,
      /jobs\[0\]: name .*63.*\njobs\[0\]: username .*64.*\njobs\[1\]: username .*\njobs\[1\]: namespace /,
    ],
  ])('rejects a file that is %s and imports nothing', (_case, text, message) => {
    const before = t.db.prepare('SELECT count(*) AS n FROM jobs').get();
    expect(() => importJobs(t.db, text)).toThrow(ImportError);
    expect(() => importJobs(t.db, text)).toThrow(message);
    expect(t.db.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual(before);
  });
});
