import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterInfo, JobDetail } from '../../contract/api-types.ts';
import { PaiApi } from '../../testing/api.ts';
import { killProcessesWorkingUnder } from '../../testing/processes.ts';
import { startServeProcess, type ServeIdentity } from '../../testing/serve-process.ts';
import { startServer, type RunningServer } from '../../testing/server.ts';
import { failedStart } from '../../testing/failed-start.ts';

// PAI_TASK_ISOLATION (README "Task isolation"), each with the real server as a child process.

const asRoot = process.getuid?.() === 0;
/** A bubblewrap that is not there: what a machine without Debian's `bubblewrap` looks like. */
const MISSING_BWRAP = '/nonexistent/bwrap';
const NOBODY: ServeIdentity = { uid: 65534, gid: 65534 };
const INSTALL_HINT = 'apt-get install bubblewrap util-linux';
/** Each test starts a server (tsx) and runs jobs: tens of seconds on a busy machine. */
const SERVER_TEST = { timeout: 120_000 };

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function call(token: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server!.baseURL}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const clusterInfo = async () => (await call(null, 'GET', '/api/v1')).body as unknown as ClusterInfo;

const job = (jobName: string, command: string) => ({
  jobName,
  image: 'none',
  taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB: 100, command }],
});

/** Submits as `username` and waits for the job to end; returns its final state. */
async function runJob(token: string, username: string, jobName: string, command: string) {
  const submitted = await call(
    token,
    'POST',
    `/api/v1/user/${username}/jobs`,
    job(jobName, command),
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  let state = '';
  await expect
    .poll(
      async () => {
        const detail = await call(token, 'GET', `/api/v1/user/${username}/jobs/${jobName}`);
        state = (detail.body as unknown as JobDetail).jobStatus.state;
        return ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(state);
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe(true);
  return state;
}

const noDeprecationWarnings = (output: string) =>
  expect(output).not.toMatch(/DeprecationWarning|FSTDEP/);

describe('PAI_TASK_ISOLATION=auto on a machine that cannot isolate', () => {
  it(
    'starts, says why at start and in the cluster info, and runs jobs of admins only',
    SERVER_TEST,
    async () => {
      server = await startServer({ PAI_TASK_ISOLATION: 'auto', PAI_BWRAP: MISSING_BWRAP });
      const api = new PaiApi(server);
      const output = server.output();
      expect(output).toContain(
        `WARNING: tasks cannot be isolated on this machine: ${MISSING_BWRAP} is missing (ENOENT)`,
      );
      expect(output).toContain(INSTALL_HINT);
      expect(output).toContain('Only administrators can run jobs');
      noDeprecationWarnings(output);

      const info = await clusterInfo();
      expect(info.taskIsolation).toMatchObject({ setting: 'auto', mode: 'admins-only' });
      expect(info.taskIsolation?.problem).toContain(MISSING_BWRAP);
      expect(info.taskIsolation?.problem).toContain(INSTALL_HINT);

      const aliceToken = await api.createUser('alice');
      const refused = await call(aliceToken, 'POST', '/api/v1/user/alice/jobs', job('j1', 'true'));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ForbiddenUserError');
      expect(refused.body.message).toContain('only administrators can run jobs');
      expect(refused.body.message).toContain(`${MISSING_BWRAP} is missing`);
      expect(refused.body.message).toContain(INSTALL_HINT);
      expect((await call(aliceToken, 'GET', '/api/v1/user/alice/jobs/j1')).status).toBe(404);

      expect(await runJob(await api.admin(), 'admin', 'admin-job', 'echo hello')).toBe('SUCCEEDED');
    },
  );
});

/** The real server on a data dir of the test's own, which outlives it (a restart). */
async function serveOn(dataDir: string, env: Record<string, string>): Promise<RunningServer> {
  const serve = await startServeProcess(dataDir, {
    PAI_ADMIN_USERNAME: 'admin',
    PAI_ADMIN_PASSWORD: 'admin-password',
    ...env,
  });
  return {
    baseURL: serve.baseUrl,
    dataDir,
    adminUsername: 'admin',
    adminPassword: 'admin-password',
    process: serve.child,
    output: serve.output,
    stop: () => serve.stop(),
  };
}

describe('PAI_TASK_ISOLATION=auto when isolation is gone after a restart', () => {
  it(
    "fails a non-admin's queued job with the submit refusal's words, without running it",
    SERVER_TEST,
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'pai-isolation-restart-'));
      const clusterFile = join(dataDir, 'cluster.json');
      const cpus = (n: number) =>
        writeFileSync(
          clusterFile,
          JSON.stringify({ virtualClusters: { default: { cpus: n, memoryMB: 8192, gpus: 0 } } }),
        );
      const env = { PAI_CLUSTER_CONFIG: clusterFile, PAI_PORTAL_DIR: join(dataDir, 'none') };
      try {
        // One CPU: the admin's job holds it, so alice's (accepted: isolation works) waits.
        cpus(1);
        server = await serveOn(dataDir, env);
        expect((await clusterInfo()).taskIsolation?.mode).toBe('isolated');
        const api = new PaiApi(server);
        const aliceToken = await api.createUser('alice');
        const blocker = await call(await api.admin(), 'POST', '/api/v1/user/admin/jobs', {
          ...job('blocker', 'exec sleep 600'),
        });
        expect(blocker.status, JSON.stringify(blocker.body)).toBe(202);
        const adminJob = async () =>
          (await call(await api.admin(), 'GET', '/api/v1/user/admin/jobs/blocker'))
            .body as unknown as JobDetail;
        await expect
          .poll(async () => (await adminJob()).jobStatus.state, { timeout: 30_000 })
          .toBe('RUNNING');
        const queued = await call(aliceToken, 'POST', '/api/v1/user/alice/jobs', {
          ...job('queued', 'echo ran'),
        });
        expect(queued.status, JSON.stringify(queued.body)).toBe(202);
        const aliceJob = (await call(aliceToken, 'GET', '/api/v1/user/alice/jobs/queued'))
          .body as unknown as JobDetail;
        expect(aliceJob.jobStatus.state).toBe('WAITING');
        expect(aliceJob.jobStatus.queue?.position).toBe(1);
        await server.stop();

        // Back without bubblewrap, with room for alice's job at once.
        cpus(2);
        server = await serveOn(dataDir, { ...env, PAI_BWRAP: MISSING_BWRAP });
        expect((await clusterInfo()).taskIsolation?.mode).toBe('admins-only');
        const aliceAgain = (await new PaiApi(server).login('alice', 'alice-password')).token;
        const refused = await call(
          aliceAgain,
          'POST',
          '/api/v1/user/alice/jobs',
          job('j2', 'true'),
        );
        expect(refused.status).toBe(403);
        const words = refused.body.message as string;
        expect(words).toContain(`${MISSING_BWRAP} is missing`);
        expect(words).toContain(INSTALL_HINT);

        let detail: JobDetail | undefined;
        await expect
          .poll(
            async () => {
              detail = (await call(aliceAgain, 'GET', '/api/v1/user/alice/jobs/queued'))
                .body as unknown as JobDetail;
              return detail.jobStatus.state;
            },
            { timeout: 30_000, interval: 100 },
          )
          .toBe('FAILED');
        expect(detail!.jobStatus.appExitDiagnostics).toBe(words);
        // It never ran: no launch, no container.
        expect(detail!.jobStatus.appLaunchedTime).toBeNull();
        for (const task of detail!.taskRoles.main!.taskStatuses)
          expect(task.containerId).toBeNull();
      } finally {
        await server?.stop();
        server = undefined;
        killProcessesWorkingUnder(dataDir);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});

describe('PAI_TASK_ISOLATION=required on a machine that cannot isolate', () => {
  it(
    'refuses to start with one line naming what is missing and how to install it',
    SERVER_TEST,
    async () => {
      const failure = await failedStart({
        PAI_TASK_ISOLATION: 'required',
        PAI_BWRAP: MISSING_BWRAP,
      });
      expect(failure, 'the server started').not.toBeNull();
      expect(failure!.code).toBe(1);
      expect(failure!.stdout).toBe('');
      expect(failure!.stderr.trim().split('\n')).toEqual([
        `Invalid configuration: PAI_TASK_ISOLATION: is "required" but tasks cannot be isolated: ${MISSING_BWRAP} is missing (ENOENT); install bubblewrap and util-linux (Debian/Ubuntu: \`${INSTALL_HINT}\`).`,
      ]);
    },
  );
});

describe('PAI_TASK_ISOLATION=none', () => {
  it(
    "warns at start, says so in the cluster info, and runs everyone's jobs as the server",
    SERVER_TEST,
    async () => {
      server = await startServer({ PAI_TASK_ISOLATION: 'none' });
      const output = server.output();
      expect(output).toContain('WARNING: PAI_TASK_ISOLATION=none: every job runs unisolated');
      noDeprecationWarnings(output);
      const info = await clusterInfo();
      expect(info.taskIsolation).toMatchObject({ setting: 'none', mode: 'none', problem: null });

      // Unisolated, a user's job reads the server's files: what the README warns of.
      const aliceToken = await new PaiApi(server).createUser('alice');
      const secret = `${server.dataDir}/jwt-secret`;
      expect(await runJob(aliceToken, 'alice', 'reads-secret', `test -r ${secret}`)).toBe(
        'SUCCEEDED',
      );
    },
  );
});

describe('a server not run as root', () => {
  it.skipIf(!asRoot)(
    'isolates with user namespaces, says which limits it cannot enforce, and runs jobs',
    SERVER_TEST,
    async () => {
      server = await startServer({}, NOBODY);
      const info = await clusterInfo();
      expect(info.taskIsolation).toMatchObject({
        setting: 'auto',
        mode: 'isolated',
        problem: null,
        asRoot: false,
      });
      const unenforced =
        'memoryMB, cpuNumber and the process limit (cgroups need the server to run as root)';
      expect(info.taskIsolation?.unenforcedLimits).toEqual([unenforced]);
      expect(server.output()).toContain(`WARNING: this machine cannot enforce ${unenforced}.`);

      const api = new PaiApi(server);
      expect(await runJob(await api.admin(), 'admin', 'admin-job', 'echo hello')).toBe('SUCCEEDED');
      // A user's job runs too, and cannot read the server's files (its own namespaces).
      const aliceToken = await api.createUser('alice');
      expect(await runJob(aliceToken, 'alice', 'works', 'echo hello')).toBe('SUCCEEDED');
      const secret = `${server.dataDir}/jwt-secret`;
      expect(await runJob(aliceToken, 'alice', 'reads-secret', `test -r ${secret}`)).toBe('FAILED');
    },
  );
});
