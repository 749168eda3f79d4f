import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { fastLocalRuntime } from '../runtime/test-kit.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, waitForJobState, type ApiClient } from '../../testing/http.ts';

const guestRefused = {
  status: 401,
  body: { code: 'UnauthorizedUserError', message: 'Guest is not allowed to do this operation.' },
};

describe('reads without a token, PAI_PUBLIC_READS off (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(['/api/v1/jobs', '/api/v1/user/admin/jobs/x', '/api/v1/virtual-clusters'])(
    'refuses GET %s',
    async (url) => {
      expect(await apiClient(t.app)('GET', url)).toMatchObject(guestRefused);
    },
  );
});

describe('reads without a token, PAI_PUBLIC_READS=true (as OpenPAI v0.16)', () => {
  let t: TestApp;
  let alice: ApiClient;
  const guest = () => apiClient(t.app);
  const jobUrl = '/api/v1/user/alice/jobs/leaky';

  beforeAll(async () => {
    t = await createTestApp({
      env: { PAI_PUBLIC_READS: 'true' },
      runtime: fastLocalRuntime,
    });
    alice = apiClient(t.app, await t.addUser('alice'));
    const job = {
      jobName: 'leaky',
      image: 'x',
      taskRoles: [{ name: 'm', command: 'echo the-password-is-hunter2 >&2; exit 3' }],
    };
    expect((await alice('POST', '/api/v1/user/alice/jobs', job)).status).toBe(202);
    await waitForJobState(alice, jobUrl, 'FAILED', 20_000);
  });
  afterAll(() => t.close());

  it('lists jobs and VCs to anyone', async () => {
    const list = await guest()('GET', '/rest-server/api/v1/jobs');
    expect(list.status).toBe(200);
    expect((list.body as { name: string }[]).map((job) => job.name)).toEqual(['leaky']);
    expect(await guest()('GET', '/api/v1/user/alice/jobs')).toMatchObject({ status: 200 });
    expect(await guest()('GET', '/api/v1/virtual-clusters')).toMatchObject({ status: 200 });
    expect(await guest()('GET', '/api/v2/virtual-clusters/default')).toMatchObject({ status: 200 });
  });

  it('shows a job’s status to anyone, without what the job printed', async () => {
    const owner = (await alice('GET', jobUrl)).body as JobDetail;
    expect(owner.jobStatus.state).toBe('FAILED');
    expect(owner.jobStatus.appExitDiagnostics).toContain('hunter2');
    const detail = await guest()('GET', jobUrl);
    expect(detail.status).toBe(200);
    const status = (detail.body as JobDetail).jobStatus;
    expect(status).toMatchObject({ state: 'FAILED', username: 'alice', appExitCode: 3 });
    expect(status.appExitDiagnostics).toContain('exit');
    expect(detail.text).not.toContain('hunter2');
  });

  it('still refuses config, SSH info, keys and logs without a token', async () => {
    for (const path of ['/config', '/ssh', '/ssh/private-key', '/tasks/m/0/logs/stderr']) {
      expect(await guest()('GET', jobUrl + path)).toMatchObject(guestRefused);
    }
  });

  it('still checks a token that is sent', async () => {
    const bad = await apiClient(t.app, 'not-a-token')('GET', '/api/v1/jobs');
    expect(bad).toMatchObject({ status: 401, body: { code: 'UnauthorizedUserError' } });
  });

  it('still needs a token for every write', async () => {
    expect(await guest()('PUT', `${jobUrl}/executionType`, { value: 'STOP' })).toMatchObject(
      guestRefused,
    );
  });
});
