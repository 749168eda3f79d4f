import { readdirSync, readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';
import type { JobDetail, JobState } from '../../contract/api-types.ts';
import type { ClusterConfig } from '../cluster-config.ts';
import { createTestApp, TEST_CLUSTER, type TestApp } from '../../testing/app.ts';
import { LocalRuntime } from './local-runtime.ts';
import type { RuntimeOptions } from './options.ts';
import type { RuntimeBackend } from './runtime.ts';
import type { SchedulerPass } from './runtime-events.ts';

/** Short waits so stop and retry tests stay quick. */
export const FAST_OPTIONS: Partial<RuntimeOptions> = {
  stopGraceMs: 300,
  retryDelayMs: 50,
  pollIntervalMs: 100,
};

export interface RuntimeTestApp extends TestApp {
  token: string;
  username: string;
  /** POSTs a job config for the test user; returns the job name. */
  submit(config: Record<string, unknown>, token?: string): Promise<string>;
  detail(jobName: string): Promise<JobDetail>;
  /** Polls the job detail until `done` holds (up to `timeoutMs`). */
  waitFor(
    jobName: string,
    done: (detail: JobDetail) => boolean,
    timeoutMs?: number,
  ): Promise<JobDetail>;
  waitForState(jobName: string, state: JobState, timeoutMs?: number): Promise<JobDetail>;
  /** Resolves after a scheduler pass that looked at all these jobs and left them queued. */
  schedulerKeptWaiting(...jobNames: string[]): Promise<void>;
  stop(jobName: string): Promise<void>;
  jobUrl(jobName: string): string;
}

let counter = 0;
/** A job config with one task role `main` running `command`; `extra` overrides fields. */
export function oneTaskJob(
  command: string,
  extra: Record<string, unknown> = {},
  role: Record<string, unknown> = {},
) {
  return {
    jobName: `job-${process.pid}-${++counter}`,
    image: 'ubuntu:22.04',
    taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB: 100, command, ...role }],
    ...extra,
  };
}

/** A real LocalRuntime with FAST_OPTIONS, for createTestApp's `runtime`. */
export const fastLocalRuntime = (
  parts: Omit<ConstructorParameters<typeof LocalRuntime>[0], 'options'>,
) => new LocalRuntime({ ...parts, options: FAST_OPTIONS });

/** The real app with a real LocalRuntime on a temp data dir, and a signed-in user `alice`. */
export async function createRuntimeApp(
  options: {
    cluster?: ClusterConfig;
    runtime?: Partial<RuntimeOptions>;
    /** Another backend than the local one (the Slurm tests). */
    backend?: RuntimeBackend;
    logLines?: Record<string, unknown>[];
    /** A data dir of the test's own (a small disk); a fresh temp dir otherwise. */
    dataDir?: string;
  } = {},
): Promise<RuntimeTestApp> {
  const runtimeOptions = { ...FAST_OPTIONS, ...options.runtime };
  const app = await createTestApp({
    dataDir: options.dataDir,
    cluster: options.backend?.cluster ?? options.cluster ?? TEST_CLUSTER,
    logLines: options.logLines,
    runtime: ({ config, db, cluster }) =>
      options.backend?.create({ config, db, options: runtimeOptions }) ??
      new LocalRuntime({ config, db, cluster, options: runtimeOptions }),
  });
  const username = 'alice';
  const token = await app.addUser(username, {
    virtualCluster: Object.keys(app.cluster.virtualClusters),
  });
  const auth = (bearer = token) => ({ authorization: `Bearer ${bearer}` });
  const jobUrl = (jobName: string) => `/api/v1/user/${username}/jobs/${jobName}`;

  const detail = async (jobName: string): Promise<JobDetail> => {
    const response = await app.app.inject({ method: 'GET', url: jobUrl(jobName), headers: auth() });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as JobDetail;
  };

  const waitFor = (jobName: string, done: (detail: JobDetail) => boolean, timeoutMs = 30_000) =>
    vi.waitFor(
      async () => {
        const last = await detail(jobName);
        if (!done(last))
          throw new Error(
            `job ${jobName} did not get there in time; last: ${JSON.stringify(last, null, 1)}`,
          );
        return last;
      },
      { timeout: timeoutMs, interval: 40 },
    );

  const passes: SchedulerPass[] = [];
  app.runtime!.events.on('schedulerPass', (pass) => passes.push(pass));
  const jobIdOf = (jobName: string) =>
    app.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(jobName) as number;

  return {
    ...app,
    token,
    username,
    jobUrl,
    detail,
    waitFor,
    async schedulerKeptWaiting(...jobNames) {
      const ids = jobNames.map(jobIdOf);
      await vi.waitFor(() =>
        expect(passes.some((pass) => ids.every((id) => pass.waiting.includes(id)))).toBe(true),
      );
    },
    waitForState: (jobName, state, timeoutMs) =>
      waitFor(jobName, (d) => d.jobStatus.state === state, timeoutMs),
    async submit(config, bearer = token) {
      const response = await app.app.inject({
        method: 'POST',
        url: `/api/v1/user/${username}/jobs`,
        headers: { ...auth(bearer), 'content-type': 'application/json' },
        payload: JSON.stringify(config),
      });
      expect(response.statusCode, response.body).toBe(202);
      return config.jobName as string;
    },
    async stop(jobName) {
      const response = await app.app.inject({
        method: 'PUT',
        url: `${jobUrl(jobName)}/executionType`,
        headers: { ...auth(), 'content-type': 'application/json' },
        payload: { value: 'STOP' },
      });
      expect(response.statusCode, response.body).toBe(202);
    },
  };
}

/** Pids of live (non-zombie) processes carrying this container id in their environment. */
export function processesOf(containerId: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (!environ.split('\0').includes(`PAI_CONTAINER_ID=${containerId}`)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat[stat.lastIndexOf(')') + 2] !== 'Z') found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}
