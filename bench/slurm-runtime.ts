import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { JobDetail, JobListItem } from '../contract/api-types.ts';
import { slurmEnv } from '../server/runtime/slurm/slurm-cli.ts';
import { startServer } from '../testing/server.ts';
import { slurmSkipReason, startTestSlurmCluster } from '../testing/slurm-cluster.ts';
import { atMost, median, ms, type BenchSection, type Measurement } from './section.ts';

const run = promisify(execFile);
const COMMAND = 'sleep 30';
const POLL_MS = 20;
const pause = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
const slurmTool = async (tool: string, args: string[]) =>
  (await run(tool, args, { env: slurmEnv(), cwd: '/tmp' })).stdout.trim();

/** Plain Slurm: `sbatch` the same command and poll `squeue` until it is RUNNING. */
async function plainSbatch(): Promise<number> {
  const started = performance.now();
  const id = await slurmTool('sbatch', [
    '--parsable',
    '-n1',
    '--mem=100',
    '-o',
    '/dev/null',
    '--wrap',
    COMMAND,
  ]);
  while ((await slurmTool('squeue', ['-h', '-j', id, '-o', '%T'])) !== 'RUNNING')
    await pause(POLL_MS);
  const elapsed = performance.now() - started;
  await slurmTool('scancel', [id]);
  return elapsed;
}

/** Plain Slurm's own rate for the same jobs: `sbatch --wrap true` each, until squeue shows none left. */
async function plainThroughput(jobs: number): Promise<number> {
  const started = performance.now();
  const name = `plain-${process.pid}`;
  for (let at = 0; at < jobs; at += 16)
    await Promise.all(
      Array.from({ length: Math.min(16, jobs - at) }, () =>
        slurmTool('sbatch', ['-J', name, '-n1', '--mem=100', '-o', '/dev/null', '--wrap', 'true']),
      ),
    );
  while ((await slurmTool('squeue', ['-h', '-n', name, '-t', 'PD,R,CG', '-o', '%i'])) !== '')
    await pause(200);
  return jobs / ((performance.now() - started) / 1000);
}

const config = (jobName: string, command: string) =>
  JSON.stringify({
    jobName,
    image: 'none',
    taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB: 100, command }],
  });

/**
 * PAI_RUNTIME=slurm on a local Slurm cluster (3 nodes × 4 CPUs): submit → RUNNING through the
 * REST API, divided by the same command through plain sbatch polled with squeue, alternated in
 * the same run; and jobs completed per second for one-task jobs.
 */
export const slurmRuntimeSection: BenchSection = {
  name: 'slurm-runtime',
  async run({ quick }): Promise<Measurement[]> {
    const skip = slurmSkipReason();
    if (skip) {
      console.log(`   skipped: ${skip}`);
      return [{ metric: 'skipped', value: Number.NaN, unit: '', note: skip }];
    }
    const cluster = await startTestSlurmCluster();
    const server = await startServer({ PAI_RUNTIME: 'slurm', PAI_STOP_GRACE_SECONDS: '0' });
    try {
      const login = await fetch(`${server.baseURL}/api/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: server.adminUsername, password: server.adminPassword }),
      });
      const { token } = (await login.json()) as { token: string };
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${server.baseURL}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        });
      const submit = async (jobName: string, command: string) => {
        const response = await api('/api/v1/user/admin/jobs', {
          method: 'POST',
          body: config(jobName, command),
        });
        if (response.status !== 202) throw new Error(`submit ${jobName}: ${await response.text()}`);
      };
      const viaPortal = async (jobName: string) => {
        const started = performance.now();
        await submit(jobName, COMMAND);
        for (;;) {
          const detail = (await (
            await api(`/api/v1/user/admin/jobs/${jobName}`)
          ).json()) as JobDetail;
          if (detail.jobStatus.state === 'RUNNING') break;
          await pause(POLL_MS);
        }
        const elapsed = performance.now() - started;
        await api(`/api/v1/user/admin/jobs/${jobName}/executionType`, {
          method: 'PUT',
          body: JSON.stringify({ value: 'STOP' }),
        });
        return elapsed;
      };
      const samples = quick ? 3 : 8;
      const ours: number[] = [];
      const plain: number[] = [];
      for (let i = 0; i < samples; i++) {
        ours.push(await viaPortal(`latency-${i}`));
        plain.push(await plainSbatch());
        await pause(500);
      }
      const ratio = median(ours) / median(plain);

      const jobs = quick ? 40 : 200;
      const started = performance.now();
      for (let at = 0; at < jobs; at += 16)
        await Promise.all(
          Array.from({ length: Math.min(16, jobs - at) }, (_, i) =>
            submit(`many-${at + i}`, 'true'),
          ),
        );
      let done = 0;
      while (done < jobs) {
        await pause(200);
        const list = (await (await api('/api/v1/jobs?username=admin')).json()) as JobListItem[];
        done = list.filter(
          (job) => job.name.startsWith('many-') && job.state === 'SUCCEEDED',
        ).length;
        if (performance.now() - started > 600_000)
          throw new Error(`only ${done} of ${jobs} jobs ended in 10 min`);
      }
      const perSecond = jobs / ((performance.now() - started) / 1000);
      const plainPerSecond = await plainThroughput(jobs);
      return [
        {
          metric: 'submit → RUNNING ÷ plain sbatch + squeue',
          value: ratio,
          unit: '×',
          ...atMost(ratio, 1.5),
          note: `median of ${samples}: ${ms(median(ours))} through the API vs ${ms(median(plain))} with sbatch`,
        },
        {
          metric: `jobs completed per second (${jobs} one-task jobs)`,
          value: perSecond,
          unit: 'jobs/s',
          note: `3 nodes × 4 CPUs, submitted 16 at a time; plain sbatch --wrap true: ${plainPerSecond.toFixed(2)} jobs/s`,
        },
      ];
    } finally {
      await server.stop();
      cluster.stop();
    }
  },
};
