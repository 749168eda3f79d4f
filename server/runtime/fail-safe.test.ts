import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';
import { LocalRuntime } from './local-runtime.ts';
import { createRuntimeApp, FAST_OPTIONS, oneTaskJob, type RuntimeTestApp } from './test-kit.ts';

const research = { virtualCluster: 'research' };

/** A test makes each runtime stage throw (with real files in the way) and checks the job fails alone. */
describe("one job's failure is that job's failure", () => {
  let t: RuntimeTestApp;
  let restarted: TestApp | undefined;
  afterAll(async () => {
    if (restarted) await restarted.close();
    else await t.close();
  });

  const failedWith = async (jobName: string, words: string | RegExp) => {
    const detail = await t.waitForState(jobName, 'FAILED');
    expect(detail.jobStatus.appExitDiagnostics).toMatch(words);
  };

  it('fails the job, not the server, when queueing or launching throws', async () => {
    t = await createRuntimeApp();
    const jobsDir = join(t.dataDir, 'jobs');
    mkdirSync(join(jobsDir, '2'), { recursive: true });
    writeFileSync(join(jobsDir, '1'), 'in the way of job 1');
    writeFileSync(join(jobsDir, '2', 'attempt-0'), 'in the way of job 2');
    const queued = await t.submit(oneTaskJob('true'));
    await failedWith(queued, 'The job failed while being queued');
    const launched = await t.submit(oneTaskJob('true'));
    await failedWith(launched, /could not be started|The job failed while starting its tasks/);
    await t.waitForState(await t.submit(oneTaskJob('true')), 'SUCCEEDED');
  });

  it('fails the job, not the server, when recovering or requeueing throws after a restart', async () => {
    const running = await t.submit(oneTaskJob('sleep 30', research, { cpuNumber: 4 }));
    await t.waitForState(running, 'RUNNING');
    const waiting = await t.submit(oneTaskJob('true', research, { cpuNumber: 4 }));
    const ids = (name: string) =>
      (t.db.prepare('SELECT id FROM jobs WHERE name = ?').get(name) as { id: number }).id;
    const [runningId, waitingId] = [ids(running), ids(waiting)];
    const { dataDir } = t;
    await t.close({ keepDataDir: true });

    const broken = createTestApp({ dataDir });
    const { db } = await broken;
    db.prepare("UPDATE jobs SET config_json = '{' WHERE id = ?").run(runningId);
    await (await broken).close({ keepDataDir: true });
    rmSync(join(dataDir, 'jobs', String(waitingId)), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'jobs', String(waitingId)), 'in the way of the requeue');

    restarted = await createTestApp({
      dataDir,
      runtime: ({ config, db: store, cluster }) =>
        new LocalRuntime({ config, db: store, cluster, options: FAST_OPTIONS }),
    });
    const alice = apiClient(restarted.app, await restarted.login('alice', 'alice-password'));
    const detail = async (name: string) =>
      (await alice('GET', `/api/v1/user/alice/jobs/${name}`)).body as JobDetail;
    expect((await detail(running)).jobStatus).toMatchObject({ state: 'FAILED' });
    expect((await detail(running)).jobStatus.appExitDiagnostics).toContain('being recovered');
    expect((await detail(waiting)).jobStatus.appExitDiagnostics).toContain('being queued again');
    const after = oneTaskJob('true');
    const submitted = await alice('POST', '/api/v1/user/alice/jobs', JSON.stringify(after), {
      'content-type': 'application/json',
    });
    expect(submitted.status).toBe(202);
  });
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
