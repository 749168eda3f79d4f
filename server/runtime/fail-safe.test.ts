import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';
import {
  slurmSkipReason,
  startTestSlurmCluster,
  type TestSlurmCluster,
} from '../../testing/slurm-cluster.ts';
import { LocalRuntime } from './local-runtime.ts';
import { RuntimePaths } from './paths.ts';
import { squeueByName } from './slurm/slurm-cli.ts';
import { slurmBackend } from './slurm/slurm-runtime.ts';
import { createRuntimeApp, FAST_OPTIONS, oneTaskJob, type RuntimeTestApp } from './test-kit.ts';

const slurmSkip = slurmSkipReason();
if (slurmSkip) console.log(`Slurm fail-safe tests skipped: ${slurmSkip}`);

/** A test makes each runtime stage throw (with real files in the way) and checks the job fails alone. */
describe.each([
  { backend: 'local', skip: null },
  { backend: 'slurm', skip: slurmSkip },
])("one job's failure is that job's failure ($backend backend)", ({ backend, skip }) => {
  let t: RuntimeTestApp;
  let restarted: TestApp | undefined;
  let cluster: TestSlurmCluster | undefined;
  const timeout = backend === 'slurm' ? 60_000 : 30_000;
  const slurm = () => slurmBackend(undefined);
  afterAll(async () => {
    if (restarted) await restarted.close();
    else await t?.close();
    cluster?.stop();
  });
  const it_ = (name: string, test: () => Promise<void>) =>
    it.skipIf(skip !== null)(name, test, 4 * timeout);

  const failedWith = async (jobName: string, words: string | RegExp) => {
    const detail = await t.waitForState(jobName, 'FAILED', timeout);
    expect(detail.jobStatus.appExitDiagnostics).toMatch(words);
  };

  it_('fails the job, not the server, when queueing or launching throws', async () => {
    if (backend === 'slurm') {
      cluster = await startTestSlurmCluster();
      t = await createRuntimeApp({ backend: slurm() });
    } else t = await createRuntimeApp();
    const jobsDir = join(t.dataDir, 'jobs');
    mkdirSync(join(jobsDir, '2'), { recursive: true });
    writeFileSync(join(jobsDir, '1'), 'in the way of job 1');
    writeFileSync(join(jobsDir, '2', 'attempt-0'), 'in the way of job 2');
    const queued = await t.submit(oneTaskJob('true'));
    await failedWith(queued, 'The job failed while being queued');
    const launched = await t.submit(oneTaskJob('true'));
    await failedWith(launched, /could not be started|The job failed while starting its tasks/);
    await t.waitForState(await t.submit(oneTaskJob('true')), 'SUCCEEDED', timeout);
  });

  it_('fails the job whose record cannot be written; the others go on', async () => {
    const broken = oneTaskJob('true');
    // A real store error for one job only: its row refuses to become RUNNING.
    t.db.exec(`CREATE TRIGGER refuse_running BEFORE UPDATE OF state ON jobs
      WHEN NEW.name = '${broken.jobName}' AND NEW.state = 'RUNNING'
      BEGIN SELECT RAISE(ABORT, 'this row refuses RUNNING'); END`);
    try {
      await t.submit(broken);
      const other = await t.submit(oneTaskJob('true'));
      await failedWith(
        broken.jobName,
        /The job failed while (being followed|starting its tasks): this row refuses RUNNING/,
      );
      await t.waitForState(other, 'SUCCEEDED', timeout);
    } finally {
      t.db.exec('DROP TRIGGER refuse_running');
    }
  });

  it_(
    'fails the job, not the server, when recovering or requeueing throws after a restart',
    async () => {
      // The whole VC for one job (tasks of 4 CPUs), so the next one waits.
      const vc = backend === 'local' ? 'research' : 'default';
      const role = { taskNumber: t.cluster.virtualClusters[vc]!.cpus / 4, cpuNumber: 4 };
      const running = await t.submit(oneTaskJob('sleep 30', { virtualCluster: vc }, role));
      await t.waitForState(running, 'RUNNING', timeout);
      const waiting = await t.submit(oneTaskJob('true', { virtualCluster: vc }, role));
      const ids = (name: string) =>
        (t.db.prepare('SELECT id FROM jobs WHERE name = ?').get(name) as { id: number }).id;
      const [runningId, waitingId] = [ids(running), ids(waiting)];
      expect((await t.detail(waiting)).jobStatus.state).toBe('WAITING');
      const { dataDir } = t;
      await t.close({ keepDataDir: true });

      const broken = createTestApp({ dataDir });
      const { db } = await broken;
      db.prepare("UPDATE jobs SET config_json = '{' WHERE id = ?").run(runningId);
      await (await broken).close({ keepDataDir: true });
      rmSync(join(dataDir, 'jobs', String(waitingId)), { recursive: true, force: true });
      writeFileSync(join(dataDir, 'jobs', String(waitingId)), 'in the way of the requeue');

      const backendNow = backend === 'slurm' ? slurm() : undefined;
      restarted = await createTestApp({
        dataDir,
        cluster: backendNow?.cluster,
        runtime: ({ config, db: store, cluster: vcs }) =>
          backendNow?.create({ config, db: store, options: FAST_OPTIONS }) ??
          new LocalRuntime({ config, db: store, cluster: vcs, options: FAST_OPTIONS }),
      });
      const alice = apiClient(restarted.app, await restarted.login('alice', 'alice-password'));
      const detail = async (name: string) =>
        (await alice('GET', `/api/v1/user/alice/jobs/${name}`)).body as JobDetail;
      expect((await detail(running)).jobStatus).toMatchObject({ state: 'FAILED' });
      expect((await detail(running)).jobStatus.appExitDiagnostics).toContain('being recovered');
      expect((await detail(waiting)).jobStatus.appExitDiagnostics).toContain('being queued again');
      if (backend === 'slurm') {
        // Neither failed job leaves a Slurm job behind on the cluster.
        const tag = new RuntimePaths(dataDir).tag;
        const names = [runningId, waitingId].map((id) => `pai-${tag}-${id}-0`);
        await vi.waitFor(
          async () => {
            const found = await squeueByName(names);
            expect(names.map((name) => found.get(name)?.state)).toEqual(['CANCELLED', 'CANCELLED']);
          },
          { timeout, interval: 200 },
        );
      }
      const after = oneTaskJob('true');
      const submitted = await alice('POST', '/api/v1/user/alice/jobs', JSON.stringify(after), {
        'content-type': 'application/json',
      });
      expect(submitted.status).toBe(202);
      await vi.waitFor(
        async () => expect((await detail(after.jobName)).jobStatus.state).toBe('SUCCEEDED'),
        { timeout, interval: 100 },
      );
    },
  );
});

describe('diagnostics visible to others contain no output', () => {
  let t: RuntimeTestApp;
  afterAll(() => t.close());

  it("shows the stderr tail to the job's owner and admins only", async () => {
    t = await createRuntimeApp();
    const bob = apiClient(t.app, await t.addUser('bob'));
    const admin = apiClient(t.app, await t.login('admin', 'admin-password'));
    const name = await t.submit(oneTaskJob('echo password=hunter2-secret >&2; exit 3'));
    const own = await t.waitForState(name, 'FAILED');
    expect(own.jobStatus.appExitDiagnostics).toContain('hunter2-secret');
    const url = t.jobUrl(name);
    expect(((await admin('GET', url)).body as JobDetail).jobStatus.appExitDiagnostics).toContain(
      'hunter2-secret',
    );
    const seenByBob = (await bob('GET', url)).body as JobDetail;
    expect(seenByBob.jobStatus.state).toBe('FAILED');
    expect(JSON.stringify(seenByBob)).not.toContain('hunter2-secret');
    expect(seenByBob.jobStatus.appExitDiagnostics).toContain("shown to the job's owner");
  });
});
