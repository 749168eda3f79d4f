import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail, JobListItem } from '../../contract/api-types.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

const EXAMPLE = readFileSync(new URL('../../examples/exampleJob.json', import.meta.url), 'utf8');
const json = { 'content-type': 'application/json' };
const job = (jobName: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    jobName,
    image: 'busybox',
    taskRoles: [{ name: 'main', command: 'true' }],
    ...extra,
  });

const LIST_FIELDS = [
  'name',
  'username',
  'state',
  'subState',
  'executionType',
  'retries',
  'retryDetails',
  'createdTime',
  'completedTime',
  'appExitCode',
  'virtualCluster',
  'totalGpuNumber',
  'totalTaskNumber',
  'totalTaskRoleNumber',
  // This server's addition (OpenPAI's list lacks it): the portal measures Duration from the start.
  'appLaunchedTime',
];
const STATUS_FIELDS = [
  ...LIST_FIELDS,
  'appId',
  'appProgress',
  'appTrackingUrl',
  'appCompletedTime',
  'appExitSpec',
  'appExitDiagnostics',
  'appExitMessages',
  'appExitTriggerMessage',
  'appExitTriggerTaskRoleName',
  'appExitTriggerTaskIndex',
  'appExitType',
];

describe('job routes (no runtime: jobs stay WAITING)', () => {
  let t: TestApp;
  let alice: ApiClient;
  let admin: ApiClient;
  const jobCount = () => (t.db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;

  beforeAll(async () => {
    t = await createTestApp();
    alice = apiClient(t.app, await t.addUser('alice'));
    admin = apiClient(t.app, await t.login('admin', 'admin-password'));
  });
  afterAll(() => t.close());

  it('submits by POST into the namespace and answers 202 with a Location', async () => {
    const response = await alice('POST', '/api/v1/user/alice/jobs', EXAMPLE, json);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ message: 'update job exampleJob successfully' });
    expect(response.headers.location).toBe(
      'http://127.0.0.1:9186/api/v1/user/alice/jobs/exampleJob',
    );
  });

  it('serves the config exactly as submitted, as text', async () => {
    const response = await alice('GET', '/api/v1/user/alice/jobs/exampleJob/config');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.text).toBe(EXAMPLE);
  });

  it('shows the job under all its URL forms, with every field of the detail', async () => {
    const viaUser = (await alice('GET', '/api/v1/user/alice/jobs/exampleJob')).body as JobDetail;
    expect(viaUser.name).toBe('exampleJob');
    expect(Object.keys(viaUser.jobStatus).sort()).toEqual([...STATUS_FIELDS].sort());
    expect(viaUser.jobStatus).toMatchObject({
      name: 'alice~exampleJob',
      username: 'alice',
      state: 'WAITING',
      subState: 'FRAMEWORK_WAITING',
      executionType: 'START',
      retries: 0,
      retryDetails: { user: 0, platform: 0, resource: 0 },
      completedTime: null,
      appExitCode: null,
      appExitSpec: null,
      virtualCluster: 'default',
      totalTaskNumber: 1,
      totalTaskRoleNumber: 1,
    });
    expect(viaUser.taskRoles).toEqual({});
    const viaTilde = (await alice('GET', '/api/v1/jobs/alice~exampleJob')).body as JobDetail;
    expect(viaTilde.name).toBe('alice~exampleJob');
    expect(viaTilde.jobStatus).toEqual(viaUser.jobStatus);
    expect(await alice('GET', '/api/v1/jobs/exampleJob')).toMatchObject({
      status: 404,
      body: { code: 'NoJobError', message: 'Job exampleJob is not found.' },
    });
  });

  it('lists jobs newest first with every field of a list item', async () => {
    await alice(
      'PUT',
      '/api/v1/jobs/alice~second',
      job('ignored-name', {
        taskRoles: [
          { name: 'a', command: 'x', taskNumber: 3, gpuNumber: 1 },
          { name: 'b', command: 'y' },
        ],
      }),
      json,
    );
    const list = (await alice('GET', '/api/v1/jobs')).body as JobListItem[];
    expect(list.map((item) => item.name)).toEqual(['second', 'exampleJob']);
    expect(Object.keys(list[0]!).sort()).toEqual([...LIST_FIELDS].sort());
    expect(list[0]).toMatchObject({
      totalTaskNumber: 4,
      totalGpuNumber: 3,
      totalTaskRoleNumber: 2,
    });
    expect((await alice('GET', '/api/v1/user/admin/jobs')).body).toEqual([]);
    expect(((await admin('GET', '/api/v1/user/alice/jobs')).body as JobListItem[]).length).toBe(2);
  });

  it('submits by PUT on the job URL, naming the job by the URL', async () => {
    const response = await alice('PUT', '/api/v1/user/alice/jobs/third', job('whatever'), json);
    expect(response.status).toBe(202);
    expect(response.headers.location).toBe('http://127.0.0.1:9186/api/v1/user/alice/jobs/third');
    expect((await alice('GET', '/api/v1/jobs/alice~third')).status).toBe(200);
    expect((await alice('GET', '/api/v1/jobs/alice~second')).status).toBe(200);
  });

  it('lets an admin submit into another namespace, and shows the namespace in the list', async () => {
    expect((await admin('POST', '/api/v1/user/alice/jobs', job('by-admin'), json)).status).toBe(
      202,
    );
    const list = (await admin('GET', '/api/v1/jobs?username=admin')).body as JobListItem[];
    expect(list).toEqual([
      expect.objectContaining({ name: 'by-admin', username: 'admin', namespace: 'alice' }),
    ]);
    expect((await admin('GET', '/api/v1/jobs/alice~by-admin')).body).toMatchObject({
      jobStatus: { name: 'alice~by-admin', username: 'admin' },
    });
  });

  it('warns about the obsolete killAllOnCompletedTaskNumber', async () => {
    const response = await alice(
      'POST',
      '/api/v1/user/alice/jobs',
      job('obsolete', { killAllOnCompletedTaskNumber: 1 }),
      json,
    );
    expect(response.status).toBe(202);
    expect(response.headers['x-warning']).toMatch(/killAllOnCompletedTaskNumber is obsolete/);
  });

  it.each([
    [
      'a duplicate job',
      '/api/v1/user/alice/jobs',
      job('exampleJob'),
      409,
      'ConflictJobError',
      'Job name exampleJob already exists',
    ],
    [
      'a duplicate by PUT',
      '/api/v1/jobs/alice~exampleJob',
      job('x'),
      409,
      'ConflictJobError',
      'Job name exampleJob already exists',
    ],
    [
      'an unknown virtual cluster',
      '/api/v1/user/alice/jobs',
      job('vc1', { virtualCluster: 'nowhere' }),
      404,
      'NoVirtualClusterError',
      'Virtual cluster nowhere is not found.',
    ],
    [
      'a virtual cluster not granted',
      '/api/v1/user/alice/jobs',
      job('vc2', { virtualCluster: 'research' }),
      403,
      'ForbiddenUserError',
      'User alice is not allowed to do operation in research',
    ],
    [
      'more vCores than the cluster has',
      '/api/v1/user/alice/jobs',
      job('big', { taskRoles: [{ name: 'm', command: 'x', taskNumber: 3, cpuNumber: 3 }] }),
      400,
      'InvalidParametersError',
      'The job needs 9 vCores (all tasks together) but virtual cluster default has 8 vCores in total.',
    ],
    [
      'more memory than the cluster has',
      '/api/v1/user/alice/jobs',
      job('mem', { taskRoles: [{ name: 'm', command: 'x', memoryMB: 40000 }] }),
      400,
      'InvalidParametersError',
      'The job needs 40000 memory MB (all tasks together) but virtual cluster default has 32768 memory MB in total.',
    ],
    [
      'more GPUs than the cluster has',
      '/api/v1/user/alice/jobs',
      job('gpu', { taskRoles: [{ name: 'm', command: 'x', gpuNumber: 5 }] }),
      400,
      'InvalidParametersError',
      'The job needs 5 GPUs (all tasks together) but virtual cluster default has 4 GPUs in total.',
    ],
    [
      'an invalid config',
      '/api/v1/user/alice/jobs',
      job('bad', { taskRoles: [{ name: 'm', command: 'x', memoryMB: 10 }] }),
      400,
      'InvalidParametersError',
      'taskRoles[0].memoryMB must be >= 100',
    ],
    [
      'malformed JSON',
      '/api/v1/user/alice/jobs',
      '{"jobName": ',
      400,
      'InvalidParametersError',
      expect.any(String),
    ],
    [
      'a job name in the URL that breaks the pattern',
      '/api/v1/user/alice/jobs/a%20b',
      job('x'),
      400,
      'InvalidParametersError',
      'The job name in the URL must match ^[A-Za-z0-9\\-._]+$, have at most 63 characters and not be ".", "..", __proto__, constructor, prototype.',
    ],
    [
      "another user's namespace",
      '/api/v1/user/admin/jobs',
      job('mine'),
      403,
      'ForbiddenUserError',
      'User alice is not allowed to submit jobs as user admin.',
    ],
    [
      'a legacy job by POST',
      '/api/v1/jobs',
      job('old'),
      403,
      'ForbiddenUserError',
      'Legacy (un-namespaced) jobs cannot be created. Submit to /api/v1/user/alice/jobs or PUT /api/v1/jobs/alice~old instead.',
    ],
    [
      'a legacy job by PUT',
      '/api/v1/jobs/old',
      job('old'),
      403,
      'ForbiddenUserError',
      'Legacy (un-namespaced) jobs cannot be created. Submit to /api/v1/user/alice/jobs or PUT /api/v1/jobs/alice~old instead.',
    ],
  ])('rejects %s and writes nothing', async (_case, url, payload, status, code, message) => {
    const before = jobCount();
    const method = url.endsWith('/jobs') ? 'POST' : 'PUT';
    const response = await alice(method, url, payload, json);
    expect(response.status).toBe(status);
    const { problems, ...envelope } = response.body as { problems?: unknown };
    expect(envelope).toEqual({ code, message });
    if (problems !== undefined) expect(status).toBe(400);
    expect(jobCount()).toBe(before);
  });

  it('rejects a namespace that is no user name, even from an admin', async () => {
    const response = await admin('PUT', '/api/v1/jobs/~nameless', job('x'), json);
    const message =
      'The user name in the URL must match ^[\\w.-]+$ and have at most 64 characters.';
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'InvalidParametersError', message },
    });
  });

  it('takes the virtual cluster from the config, "" meaning default', async () => {
    await admin(
      'POST',
      '/api/v1/user/admin/jobs',
      job('in-research', { virtualCluster: 'research' }),
      json,
    );
    await admin('POST', '/api/v1/user/admin/jobs', job('empty-vc', { virtualCluster: '' }), json);
    const list = (await admin('GET', '/api/v1/jobs?username=admin&order=name,ASC'))
      .body as JobListItem[];
    expect(list.map((item) => [item.name, item.virtualCluster])).toEqual([
      ['by-admin', 'default'],
      ['empty-vc', 'default'],
      ['in-research', 'research'],
    ]);
  });
});
