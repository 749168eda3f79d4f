import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterInfo, JobDetail, JobListItem, JobListPage } from '../contract/api-types.ts';
import { startServer, type RunningServer } from '../testing/server.ts';
import { atMost, median, ms, type BenchSection, type Measurement } from './section.ts';

const COMMAND = 'sleep 30';
/** Large enough that capacity never holds jobs back: the figures are the runtime's, not the VC's. */
const BENCH_CPUS = 32;
const SUBMITTERS = 16;

type Api = (path: string, init?: RequestInit) => Promise<Response>;

async function signIn(server: RunningServer): Promise<Api> {
  const login = await fetch(`${server.baseURL}/api/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: server.adminUsername, password: server.adminPassword }),
  });
  const { token } = (await login.json()) as { token: string };
  return (path, init = {}) =>
    fetch(`${server.baseURL}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
}

const jobConfig = (jobName: string, command: string) =>
  JSON.stringify({
    jobName,
    image: 'none',
    taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB: 100, command }],
  });

async function submit(api: Api, jobName: string, command: string): Promise<void> {
  const response = await api('/api/v1/user/admin/jobs', {
    method: 'POST',
    body: jobConfig(jobName, command),
  });
  if (response.status !== 202)
    throw new Error(`submit ${jobName}: ${response.status} ${await response.text()}`);
}

async function stateOf(api: Api, jobName: string): Promise<string> {
  return ((await (await api(`/api/v1/user/admin/jobs/${jobName}`)).json()) as JobDetail).jobStatus
    .state;
}

/** Milliseconds from `bash -c COMMAND` being asked for until it runs, spawned from this process. */
async function bareSpawn(): Promise<number> {
  const started = performance.now();
  const child = spawn('bash', ['-c', COMMAND], { stdio: 'ignore', detached: true });
  await once(child, 'spawn');
  const elapsed = performance.now() - started;
  process.kill(-child.pid!, 'SIGKILL');
  await once(child, 'exit');
  return elapsed;
}

/**
 * Between two polls of the job detail while waiting for RUNNING. Back to back, the polls (3-4 ms
 * each, 4 per launch) kept both cores busy with the benchmark and the server while the task's
 * wrapper was being started on them; the pause adds at most itself to what is measured.
 */
const POLL_PAUSE_MS = 2;

/** Milliseconds from sending the submit request until the job detail says RUNNING. */
async function submitToRunning(api: Api, jobName: string): Promise<number> {
  const started = performance.now();
  await submit(api, jobName, COMMAND);
  while ((await stateOf(api, jobName)) !== 'RUNNING')
    await new Promise((resolve) => setTimeout(resolve, POLL_PAUSE_MS));
  const elapsed = performance.now() - started;
  await api(`/api/v1/user/admin/jobs/${jobName}/executionType`, {
    method: 'PUT',
    body: JSON.stringify({ value: 'STOP' }),
  });
  while ((await stateOf(api, jobName)) !== 'STOPPED')
    await new Promise((resolve) => setTimeout(resolve, 20));
  return elapsed;
}

async function countJobs(api: Api, states: string): Promise<number> {
  const response = await api(`/api/v1/user/admin/jobs?withTotalCount=true&limit=1&state=${states}`);
  return ((await response.json()) as JobListPage).totalCount;
}

/** Jobs per second for `count` one-task `true` jobs, from the first submit until the last has ended. */
async function throughput(api: Api, count: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  const submitter = async () => {
    while (next < count) await submit(api, `throughput-${next++}`, 'true');
  };
  await Promise.all(Array.from({ length: SUBMITTERS }, submitter));
  for (;;) {
    const succeeded = await countJobs(api, 'SUCCEEDED');
    if (succeeded === count) break;
    if ((await countJobs(api, 'FAILED')) > 0) {
      const failed = (await (
        await api('/api/v1/user/admin/jobs?state=FAILED&limit=1')
      ).json()) as JobListItem[];
      const detail = (await (
        await api(`/api/v1/user/admin/jobs/${failed[0]!.name}`)
      ).json()) as JobDetail;
      throw new Error(`job ${failed[0]!.name} failed: ${detail.jobStatus.appExitDiagnostics}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return count / ((performance.now() - started) / 1000);
}

/** The isolation mode the server reports (GET /api/v1). */
async function isolationOf(api: Api): Promise<string> {
  const info = (await (await api('/api/v1')).json()) as ClusterInfo;
  return info.taskIsolation?.mode ?? 'unknown';
}

export const jobRuntimeSection: BenchSection = {
  name: 'job runtime',
  async run({ quick }): Promise<Measurement[]> {
    const dir = mkdtempSync(join(tmpdir(), 'pai-bench-'));
    const clusterFile = join(dir, 'cluster.json');
    writeFileSync(
      clusterFile,
      JSON.stringify({ virtualClusters: { default: { cpus: BENCH_CPUS, memoryMB: 1 << 20 } } }),
    );
    const env = { PAI_CLUSTER_CONFIG: clusterFile, PAI_STOP_GRACE_SECONDS: '1' };
    const server = await startServer(env);
    // The same runtime with PAI_TASK_ISOLATION=none: what the sandbox itself costs.
    const bareServer = await startServer({ ...env, PAI_TASK_ISOLATION: 'none' });
    try {
      const api = await signIn(server);
      const bareApi = await signIn(bareServer);
      const samples = quick ? 5 : 15;
      const jobs = quick ? 100 : 500;
      await bareSpawn();
      await submitToRunning(api, 'warm-up');
      await submitToRunning(bareApi, 'warm-up');
      const bare: number[] = [];
      const viaApi: number[] = [];
      const unisolated: number[] = [];
      for (let i = 0; i < samples; i++) {
        bare.push(await bareSpawn());
        viaApi.push(await submitToRunning(api, `latency-${i}`));
        unisolated.push(await submitToRunning(bareApi, `latency-${i}`));
      }
      const perSecond = await throughput(api, jobs);
      const ratio = median(viaApi) / median(bare);
      const isolationCost = median(viaApi) / median(unisolated);
      const mode = await isolationOf(api);
      return [
        {
          metric: 'submit → RUNNING ÷ bare spawn of the same command',
          value: ratio,
          unit: '×',
          ...atMost(ratio, 3),
          note: `${ms(median(viaApi))} (HTTP submit until the detail says RUNNING, polled with ${POLL_PAUSE_MS} ms pauses; isolation: ${mode}) vs ${ms(median(bare))} (bash -c '${COMMAND}'); median of ${samples}`,
        },
        {
          metric: 'submit → RUNNING, sandboxed ÷ PAI_TASK_ISOLATION=none',
          value: isolationCost,
          unit: '×',
          note: `${ms(median(viaApi))} (${mode}) vs ${ms(median(unisolated))} (none), same run, interleaved; median of ${samples}`,
        },
        {
          metric: 'jobs completed per second',
          value: perSecond,
          unit: 'jobs/s',
          note: `${jobs} one-task \`true\` jobs (isolation: ${mode}), VC of ${BENCH_CPUS} CPUs, ${SUBMITTERS} submitting clients`,
        },
      ];
    } finally {
      await Promise.all([server.stop(), bareServer.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
