import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail, SshInfo, TaskMetrics, TaskStatus } from '../../contract/api-types.ts';
import {
  slurmSkipReason,
  startTestSlurmCluster,
  type TestSlurmCluster,
} from '../../testing/slurm-cluster.ts';
import { slurmBackend } from './slurm/slurm-runtime.ts';
import { RestartableServer } from '../../testing/restartable-server.ts';
import { createRuntimeApp, oneTaskJob, type RuntimeTestApp } from './test-kit.ts';

/** The runtime's behaviour, the same for both backends (PAI_RUNTIME=local and slurm). */
const run = promisify(execFile);
const ended = (detail: JobDetail) =>
  ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(detail.jobStatus.state);
const tasksOf = (detail: JobDetail, role = 'main'): TaskStatus[] =>
  detail.taskRoles[role]!.taskStatuses;
const LOG_MAX = 64 * 1024;
/** The exit-status files task wrappers wrote under a data dir (jobs/<id>/attempt-<n>/<task>/). */
const exitStatuses = (dataDir: string): string[] =>
  readdirSync(join(dataDir, 'jobs'), { recursive: true, encoding: 'utf8' })
    .filter((path) => basename(path) === 'exit-status')
    .map((path) => readFileSync(join(dataDir, 'jobs', path), 'utf8'));
const slurmSkip = slurmSkipReason();
if (slurmSkip) console.log(`Slurm runtime tests skipped: ${slurmSkip}`);

describe.each([
  { backend: 'local', skip: null },
  { backend: 'slurm', skip: slurmSkip },
])('runtime behaviour on the $backend backend', ({ backend, skip }) => {
  let kit: RuntimeTestApp;
  let cluster: TestSlurmCluster | undefined;
  const timeout = backend === 'slurm' ? 60_000 : 30_000;

  beforeAll(async () => {
    if (skip) return;
    const runtime = { logMaxBytes: LOG_MAX, stopGraceMs: 1000, pollIntervalMs: 150 };
    if (backend === 'slurm') {
      cluster = await startTestSlurmCluster();
      kit = await createRuntimeApp({ backend: slurmBackend(undefined), runtime });
    } else kit = await createRuntimeApp({ runtime });
  }, 60_000);
  afterAll(async () => {
    await kit?.close();
    cluster?.stop();
  });

  const it_ = (name: string, test: () => Promise<void>, budget = 2 * timeout) =>
    it.skipIf(skip !== null)(name, test, budget);
  const waitEnd = (name: string) => kit.waitFor(name, ended, timeout);
  /** The scheduler (ours, or Slurm's) has looked at the job and left it waiting. */
  const keptWaiting = (jobName: string) =>
    backend === 'local'
      ? kit.schedulerKeptWaiting(jobName)
      : kit.waitFor(jobName, (d) => /^Waiting in Slurm/.test(d.jobStatus.appExitDiagnostics ?? ''));
  const get = (url: string) =>
    kit.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${kit.token}` } });

  it_('runs a job to SUCCEEDED, and fails one with its exit code and stderr', async () => {
    const good = await kit.submit(oneTaskJob('echo hello'));
    const bad = await kit.submit(oneTaskJob('echo "disk is full" >&2; exit 3'));
    const success = await waitEnd(good);
    expect(success.jobStatus).toMatchObject({ state: 'SUCCEEDED', appExitCode: 0, retries: 0 });
    expect(success.jobStatus.appExitDiagnostics).toMatch(/main\[0\] exited with code 0/);
    const failure = await waitEnd(bad);
    expect(failure.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 3 });
    expect(failure.jobStatus.appExitDiagnostics).toMatch(/disk is full/);
    expect(tasksOf(failure)[0]).toMatchObject({ taskState: 'FAILED', containerExitCode: 3 });
  });

  it_('applies minFailedTaskCount and stops the other tasks', async () => {
    const command =
      'case $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX in 0) exit 1;; 1) sleep 0.5; exit 2;; *) exec sleep 60;; esac';
    const name = await kit.submit(
      oneTaskJob(command, {}, { taskNumber: 3, minFailedTaskCount: 2 }),
    );
    const detail = await waitEnd(name);
    expect(detail.jobStatus).toMatchObject({
      state: 'FAILED',
      appExitCode: 2,
      appExitTriggerTaskIndex: 1,
    });
    expect(tasksOf(detail).map((task) => task.taskState)).toEqual(['FAILED', 'FAILED', 'STOPPED']);
  });

  it_(
    "reports a job's transitions as runtime events, which tests and the log wait on",
    async () => {
      const seen: string[] = [];
      const events = kit.runtime!.events;
      const record =
        (kind: string) => (event: { jobId: number; job: string; attempt?: number }) => {
          seen.push(`${event.job.split('~')[1]} ${kind} ${event.attempt ?? ''}`.trim());
        };
      const kinds = ['queued', 'started', 'retried', 'stopRequested', 'ended'] as const;
      const listeners = kinds.map((kind) => [kind, record(kind)] as const);
      for (const [kind, listener] of listeners) events.on(kind, listener);
      try {
        const retried = await kit.submit(oneTaskJob('exit 4', { retryCount: 1 }));
        await waitEnd(retried);
        const stopped = await kit.submit(oneTaskJob('exec sleep 60'));
        await kit.waitForState(stopped, 'RUNNING', timeout);
        await kit.stop(stopped);
        await waitEnd(stopped);
        await vi.waitFor(() => expect(seen).toContain(`${stopped} ended 0`));
        expect(seen.filter((line) => line.startsWith(`${retried} `))).toEqual([
          `${retried} queued 0`,
          `${retried} started 0`,
          `${retried} retried 1`,
          `${retried} started 1`,
          `${retried} ended 1`,
        ]);
        expect(seen.filter((line) => line.startsWith(`${stopped} `))).toEqual([
          `${stopped} queued 0`,
          `${stopped} started 0`,
          `${stopped} stopRequested`,
          `${stopped} ended 0`,
        ]);
      } finally {
        for (const [kind, listener] of listeners) events.off(kind, listener);
      }
    },
  );

  it_('retries a failed job retryCount times', async () => {
    const name = await kit.submit(oneTaskJob('exit 4', { retryCount: 1 }));
    const detail = await waitEnd(name);
    expect(detail.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 4, retries: 1 });
  });

  it_(
    'gangs: a job waits until all its tasks fit, runs when capacity frees, stops while waiting',
    async () => {
      const cpus = kit.cluster.virtualClusters.default!.cpus;
      const big = await kit.submit(
        oneTaskJob('exec sleep 60', {}, { taskNumber: cpus / 4, cpuNumber: 4 }),
      );
      await kit.waitForState(big, 'RUNNING', timeout);
      const gang = await kit.submit(oneTaskJob('echo ran', {}, { taskNumber: 2 }));
      const dropped = await kit.submit(oneTaskJob('echo never', {}, { taskNumber: 2 }));
      await keptWaiting(gang);
      expect((await kit.detail(gang)).jobStatus.state).toBe('WAITING');
      await kit.stop(dropped);
      expect((await waitEnd(dropped)).jobStatus).toMatchObject({
        state: 'STOPPED',
        appExitCode: -7351,
      });
      await kit.stop(big);
      expect((await waitEnd(big)).jobStatus.state).toBe('STOPPED');
      expect((await waitEnd(gang)).jobStatus.state).toBe('SUCCEEDED');
    },
  );

  it_('stops a running job: SIGTERM, then SIGKILL after the grace period', async () => {
    const name = await kit.submit(oneTaskJob("trap '' TERM; echo up; sleep 60 & wait; sleep 60"));
    await kit.waitForState(name, 'RUNNING', timeout);
    // "up" comes after the trap: from then on only SIGKILL ends the task.
    await vi.waitFor(
      async () =>
        expect((await get(`${kit.jobUrl(name)}/tasks/main/0/logs/stdout`)).body).toBe('up\n'),
      { timeout, interval: 50 },
    );
    await kit.stop(name);
    const detail = await waitEnd(name);
    expect(detail.jobStatus).toMatchObject({ state: 'STOPPED', appExitCode: -7351 });
    expect(tasksOf(detail)[0]).toMatchObject({ taskState: 'STOPPED', containerExitCode: -7400 });
  });

  it_('gives each task OpenPAI environment, ports and GPUs, and capped logs', async () => {
    const command =
      'echo "$PAI_HOST_IP_main_1 $PAI_PORT_LIST_main_0_http $PAI_PORT_LIST_main_1_ssh $CUDA_VISIBLE_DEVICES"; ' +
      "echo to-stderr >&2; head -c 200000 /dev/zero | tr '\\0' a >/dev/null";
    const name = await kit.submit(oneTaskJob(command, {}, { taskNumber: 2, gpuNumber: 1 }));
    const detail = await waitEnd(name);
    expect(detail.jobStatus.state).toBe('SUCCEEDED');
    const [first, second] = tasksOf(detail);
    const stdout = (await get(`${kit.jobUrl(name)}/tasks/main/0/logs/stdout`)).body
      .trim()
      .split(' ');
    expect(stdout.slice(0, 3)).toEqual([
      second!.containerIp,
      first!.containerPorts!.http,
      second!.containerPorts!.ssh,
    ]);
    expect(stdout[3]).toMatch(/^\d$/);
    expect((await get(`${kit.jobUrl(name)}/tasks/main/1/logs/stderr`)).body).toBe('to-stderr\n');
    const noisy = await kit.submit(
      oneTaskJob("head -c 300000 /dev/zero | tr '\\0' a; echo; echo END"),
    );
    await waitEnd(noisy);
    const log = await get(`${kit.jobUrl(noisy)}/tasks/main/0/logs/stdout`);
    expect(Number(log.headers['x-log-kept-bytes'])).toBeLessThanOrEqual(2 * LOG_MAX);
    expect(log.body.endsWith('aaa\nEND\n')).toBe(true);
  });

  it_("answers a task's metrics, and says why there are none where it takes none", async () => {
    const name = await kit.submit(oneTaskJob('exec sleep 60'));
    await kit.waitForState(name, 'RUNNING', timeout);
    const metrics = (await get(`${kit.jobUrl(name)}/tasks/main/0/metrics`)).json() as TaskMetrics;
    expect(metrics).toMatchObject({ taskRole: 'main', taskIndex: 0 });
    if (backend === 'slurm') {
      expect(metrics.samples).toEqual([]);
      expect(metrics.notSampled).toMatch(/^This server takes no resource samples of Slurm tasks/);
    } else expect(metrics.notSampled).toBeNull();
    await kit.stop(name);
    await waitEnd(name);
  });

  it_('lets a stock OpenSSH client into a running task with the downloaded key', async () => {
    const name = await kit.submit(oneTaskJob('exec sleep 60'));
    await kit.waitForState(name, 'RUNNING', timeout);
    const info = await vi.waitFor(
      async () => {
        const answer = (await get(`${kit.jobUrl(name)}/ssh`)).json() as SshInfo;
        expect(answer.containers).not.toHaveLength(0);
        return answer;
      },
      { timeout, interval: 50 },
    );
    const key = (await get(new URL(info.keyPair.privateKeyDirectDownloadLink).pathname)).body;
    const keyFile = join(kit.dataDir, `key-${backend}`);
    writeFileSync(keyFile, key, { mode: 0o600 });
    const ssh = (extra: string[], command: string) =>
      run('ssh', [
        ...['-i', keyFile, '-p', info.containers[0]!.sshPort, '-o', 'StrictHostKeyChecking=no'],
        ...['-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR'],
        ...extra,
        `alice@${info.containers[0]!.sshIp}`,
        command,
      ]);
    const { stdout } = await ssh(
      [],
      'echo $PAI_JOB_NAME $PAI_CURRENT_TASK_ROLE_NAME; basename $PWD',
    );
    expect(stdout).toBe(`${name} main\nwork\n`);
    const terminal = await ssh(['-tt'], 'tty');
    expect(terminal.stdout).toMatch(/^\/dev\/pts\/\d+/);
    await kit.stop(name);
    await waitEnd(name);
  });

  it_(
    'finds its jobs again after kill -9: ends while it was down are recorded',
    async () => {
      const server = new RestartableServer({ PAI_RUNTIME: backend, PAI_STOP_GRACE_SECONDS: '1' });
      try {
        await server.start();
        await server.submit('survivor', 'echo before; sleep 3; echo after; exec sleep 60');
        await server.submit('finisher', 'sleep 1.5; exit 7');
        await server.waitFor('survivor', 'RUNNING');
        await server.waitFor('finisher', 'RUNNING');
        await server.kill9();
        // The finisher ends while the server is down: its wrapper records how on disk.
        await vi.waitFor(() => expect(exitStatuses(server.dataDir)).toContain('exit 7\n'), {
          timeout: 30_000,
        });
        await server.start();
        const finished = await server.detail('finisher');
        expect(finished.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 7 });
        expect(finished.jobStatus.appExitDiagnostics).toMatch(/exited with code 7/);
        expect((await server.detail('survivor')).jobStatus.state).toBe('RUNNING');
        const log = await server.api('/api/v1/user/admin/jobs/survivor/tasks/main/0/logs/stdout');
        expect(await log.text()).toBe('before\nafter\n');
        await server.api('/api/v1/user/admin/jobs/survivor/executionType', {
          method: 'PUT',
          body: JSON.stringify({ value: 'STOP' }),
        });
        const stopped = await server.waitFor('survivor', 'STOPPED');
        expect(stopped.taskRoles.main!.taskStatuses[0]).toMatchObject({ taskState: 'STOPPED' });
      } finally {
        await server.stop();
      }
      // Two start-ups of the real server (tsx compiles it each time): slow on a busy machine.
    },
    4 * timeout,
  );
});
