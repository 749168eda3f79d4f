import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { TEST_CLUSTER } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';
import { createRuntimeApp, oneTaskJob, type RuntimeTestApp } from './test-kit.ts';

/**
 * A waiting job whose virtual cluster shrinks below it, or goes away, can never start: it ends
 * FAILED once, whatever its `retryCount` (a retry could change nothing and would loop).
 */
describe('a waiting job that can never start any more', () => {
  let kit: RuntimeTestApp;
  let admin: ApiClient;
  const retried: string[] = [];

  beforeAll(async () => {
    // The VC registry changes the cluster object in place: never hand it the shared one.
    kit = await createRuntimeApp({ cluster: structuredClone(TEST_CLUSTER) });
    admin = apiClient(kit.app, await kit.login('admin', 'admin-password'));
    kit.runtime!.events.on('retried', (end) => retried.push(end.job));
  });
  afterAll(() => kit.close());

  const detail = async (jobName: string) =>
    (await admin('GET', `/api/v1/user/admin/jobs/${jobName}`)).body as JobDetail;
  const waitFor = (jobName: string, done: (job: JobDetail) => boolean) =>
    vi.waitFor(
      async () => {
        const job = await detail(jobName);
        if (!done(job)) throw new Error(`${jobName}: ${JSON.stringify(job.jobStatus)}`);
        return job;
      },
      { timeout: 30_000, interval: 40 },
    );
  async function submit(config: Record<string, unknown>): Promise<string> {
    const response = await admin('POST', '/api/v1/user/admin/jobs', config);
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    return config.jobName as string;
  }
  const vcPut = async (vc: string, vcCapacity: number) =>
    expect((await admin('PUT', `/api/v1/virtual-clusters/${vc}`, { vcCapacity })).status).toBe(201);

  it.each([-2, 3])(
    'ends FAILED once, with no retry, when its VC shrinks below it (retryCount %i)',
    async (retryCount) => {
      const vc = `shrinking${retryCount + 2}`;
      await vcPut(vc, 50);
      const cpus = kit.cluster.virtualClusters[vc]!.cpus;
      const blocker = await submit(
        oneTaskJob('exec sleep 60', { virtualCluster: vc }, { taskNumber: cpus }),
      );
      await waitFor(blocker, (job) => job.jobStatus.state === 'RUNNING');
      const queued = await submit(
        oneTaskJob('true', { virtualCluster: vc, retryCount }, { taskNumber: 2 }),
      );
      await kit.schedulerKeptWaiting(queued);

      await vcPut(vc, 1); // less than one CPU: the 2-task job can never start there
      const stop = await admin('PUT', `/api/v1/user/admin/jobs/${blocker}/executionType`, {
        value: 'STOP',
      });
      expect(stop.status).toBe(202);

      const failed = await waitFor(queued, (job) => job.jobStatus.state === 'FAILED');
      expect(failed.jobStatus.appExitDiagnostics).toMatch(/cannot run: the job needs 2 CPUs/);
      expect(failed.jobStatus.retries).toBe(0);
      // Later passes of the scheduler leave it as it is.
      await waitFor(blocker, (job) => job.jobStatus.state === 'STOPPED');
      const later = await kit.submit(oneTaskJob('true'));
      await kit.waitForState(later, 'SUCCEEDED');
      expect((await detail(queued)).jobStatus).toMatchObject({ state: 'FAILED', retries: 0 });
      expect(retried).not.toContain(`admin~${queued}`);
    },
  );
});
