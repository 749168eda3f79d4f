import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail, JobListItem } from '../../contract/api-types.ts';
import { importJobs } from '../jobs/import-jobs.ts';
import { fastLocalRuntime } from '../runtime/test-kit.ts';
import { createCallers, createTestApp, type TestApp } from '../../testing/app.ts';
import type { ApiClient } from '../../testing/http.ts';

type Role = 'anonymous' | 'other' | 'owner' | 'admin';
const ROLES: Role[] = ['anonymous', 'other', 'owner', 'admin'];

/** Expected status per role: [anonymous, other user, owner, admin]. */
type Row = [route: string, statuses: [number, number, number, number]];

const json = { 'content-type': 'application/json' };
let counter = 0;
const jobConfig = (jobName = `job${++counter}`) =>
  JSON.stringify({ jobName, image: 'busybox', taskRoles: [{ name: 'main', command: 'sleep 20' }] });

describe('who may do what with a job (anonymous / other user / owner / admin)', () => {
  let t: TestApp;
  const as: Record<Role, ApiClient> = {} as Record<Role, ApiClient>;

  /** A fresh job of alice's (the owner), for routes that change or remove it. */
  async function freshJob(): Promise<string> {
    const jobName = `job${++counter}`;
    expect(
      (await as.owner('POST', '/api/v1/user/alice/jobs', jobConfig(jobName), json)).status,
    ).toBe(202);
    return jobName;
  }

  beforeAll(async () => {
    t = await createTestApp({
      runtime: fastLocalRuntime,
    });
    Object.assign(as, await createCallers(t));
    await as.owner('POST', '/api/v1/user/alice/jobs', jobConfig('shared'), json);
    importJobs(
      t.db,
      JSON.stringify(
        [1, 2, 3].map((n) => ({
          name: `old${n}`,
          username: 'alice',
          state: 'RUNNING',
          legacy: true,
          config: '{"jobName":"old"}',
        })),
      ),
    );
  });
  afterAll(async () => {
    // Deleting ends the jobs' processes (closing the runtime would leave them running).
    const jobs = (await as.admin('GET', '/api/v1/jobs?legacy=false')).body as JobListItem[];
    for (const job of jobs) {
      const deleted = await as.admin(
        'DELETE',
        `/api/v1/jobs/${job.namespace ?? job.username}~${job.name}`,
      );
      expect(deleted.status).toBe(202);
    }
    await t.close();
  });

  const reads: Row[] = [
    ['GET /api/v1/jobs', [401, 200, 200, 200]],
    ['GET /api/v1/user/alice/jobs', [401, 200, 200, 200]],
    ['GET /api/v1/user/alice/jobs/shared', [401, 200, 200, 200]],
    ['GET /api/v1/jobs/alice~shared', [401, 200, 200, 200]],
    ['GET /api/v1/user/alice/jobs/shared/config', [401, 403, 200, 200]],
    ['GET /api/v1/jobs/alice~shared/config', [401, 403, 200, 200]],
    ['GET /api/v1/user/alice/jobs/shared/ssh', [401, 403, 200, 200]],
    ['GET /api/v1/jobs/alice~shared/ssh', [401, 403, 200, 200]],
    ['GET /api/v1/jobs/old1', [401, 200, 200, 200]],
    ['GET /api/v1/jobs/old1/config', [401, 403, 200, 200]],
    ['GET /api/v1/virtual-clusters', [401, 200, 200, 200]],
    ['GET /api/v1/virtual-clusters/default', [401, 200, 200, 200]],
  ];

  it.each(reads)('%s', async (route, statuses) => {
    const [method, url] = route.split(' ') as ['GET', string];
    for (const [index, role] of ROLES.entries()) {
      const response = await as[role](method, url);
      expect(response.status, `${role}: ${response.text}`).toBe(statuses[index]);
      if (response.status === 401)
        expect(response.body).toMatchObject({ code: 'UnauthorizedUserError' });
      if (response.status === 403)
        expect(response.body).toMatchObject({ code: 'ForbiddenUserError' });
    }
  });

  /** Routes that change a job: each role acts on its own fresh job. */
  const writes: [
    string,
    (jobName: string) => [method: 'PUT' | 'DELETE', url: string, body?: unknown],
    number[],
  ][] = [
    [
      'PUT …/executionType STOP (user URL)',
      (name) => ['PUT', `/api/v1/user/alice/jobs/${name}/executionType`, { value: 'STOP' }],
      [401, 403, 202, 202],
    ],
    [
      'PUT …/executionType STOP (~ URL)',
      (name) => ['PUT', `/api/v1/jobs/alice~${name}/executionType`, { value: 'STOP' }],
      [401, 403, 202, 202],
    ],
    [
      'DELETE (user URL)',
      (name) => ['DELETE', `/api/v1/user/alice/jobs/${name}`],
      [401, 403, 202, 202],
    ],
    ['DELETE (~ URL)', (name) => ['DELETE', `/api/v1/jobs/alice~${name}`], [401, 403, 202, 202]],
  ];

  it.each(writes)('%s', async (_route, request, statuses) => {
    for (const [index, role] of ROLES.entries()) {
      const jobName = await freshJob();
      const [method, url, body] = request(jobName);
      const response = await as[role](method, url, body as never);
      expect(response.status, `${role}: ${response.text}`).toBe(statuses[index]);
      const after = await as.admin('GET', `/api/v1/jobs/alice~${jobName}`);
      if (response.status !== 202)
        expect((after.body as JobDetail).jobStatus.executionType).toBe('START');
      else if (method === 'DELETE') expect(after.status).toBe(404);
      else expect((after.body as JobDetail).jobStatus.executionType).toBe('STOP');
    }
  });

  it.each([
    ['POST /api/v1/user/alice/jobs', [401, 403, 202, 202]],
    ['PUT /api/v1/user/alice/jobs/:new', [401, 403, 202, 202]],
    ['PUT /api/v1/jobs/alice~:new', [401, 403, 202, 202]],
    ['POST /api/v1/jobs', [401, 403, 403, 403]],
    ['PUT /api/v1/jobs/:new', [401, 403, 403, 403]],
  ] as Row[])('submit: %s', async (route, statuses) => {
    for (const [index, role] of ROLES.entries()) {
      const [method, template] = route.split(' ') as ['POST' | 'PUT', string];
      const jobName = `sub${++counter}`;
      const response = await as[role](
        method,
        template.replace(':new', jobName),
        jobConfig(jobName),
        json,
      );
      expect(response.status, `${role}: ${response.text}`).toBe(statuses[index]);
    }
  });

  it('legacy jobs: read by anyone signed in; stopped and deleted by their owner or an admin only', async () => {
    for (const role of ['anonymous', 'other'] as const) {
      expect(
        (await as[role]('PUT', '/api/v1/jobs/old1/executionType', { value: 'STOP' })).status,
      ).toBe(role === 'anonymous' ? 401 : 403);
      expect((await as[role]('DELETE', '/api/v1/jobs/old1')).status).toBe(
        role === 'anonymous' ? 401 : 403,
      );
    }
    expect(
      (await as.owner('PUT', '/api/v1/jobs/old2/executionType', { value: 'STOP' })).status,
    ).toBe(202);
    expect(
      (await as.admin('PUT', '/api/v1/jobs/old3/executionType', { value: 'STOP' })).status,
    ).toBe(202);
    for (const name of ['old2', 'old3']) {
      const detail = (await as.owner('GET', `/api/v1/jobs/${name}`)).body as JobDetail;
      expect(detail.jobStatus).toMatchObject({
        state: 'STOPPED',
        executionType: 'STOP',
        appExitCode: -7351,
      });
    }
    expect((await as.owner('DELETE', '/api/v1/jobs/old2')).status).toBe(202);
    expect((await as.admin('DELETE', '/api/v1/jobs/old3')).status).toBe(202);
    expect((await as.owner('GET', '/api/v1/jobs/old2')).status).toBe(404);
    expect((await as.owner('GET', '/api/v1/user/alice/jobs/old1')).status).toBe(404);
  });

  it('SSH info from the runtime names the key pair of the job', async () => {
    const response = await as.owner('GET', '/api/v1/user/alice/jobs/shared/ssh');
    expect(response.body).toMatchObject({
      containers: expect.any(Array),
      keyPair: {
        privateKeyFileName: expect.any(String),
        privateKeyDirectDownloadLink: expect.stringContaining('/ssh/'),
      },
    });
  });
});
