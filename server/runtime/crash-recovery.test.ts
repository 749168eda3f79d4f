import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail, SshInfo } from '../../contract/api-types.ts';
import { startServer, type RunningServer } from '../../testing/server.ts';
import { processesOf } from './test-kit.ts';

const run = promisify(execFile);

/** The real server on a free port, on a data dir that outlives it (a restart finds it again). */
function startOn(dataDir: string, clusterFile: string): Promise<RunningServer> {
  return startServer({
    PAI_DATA_DIR: dataDir,
    PAI_CLUSTER_CONFIG: clusterFile,
    PAI_STOP_GRACE_SECONDS: '0.3',
    PAI_PORTAL_DIR: join(dataDir, 'no-portal'),
  });
}

async function kill(server: RunningServer): Promise<void> {
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGKILL');
  await exited;
  // The fixture's own temp dir went unused: PAI_DATA_DIR pointed elsewhere.
  rmSync(server.dataDir, { recursive: true, force: true });
}

describe('crash recovery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pai-recovery-'));
  const clusterFile = join(dataDir, 'cluster.json');
  writeFileSync(
    clusterFile,
    JSON.stringify({ virtualClusters: { default: { cpus: 8, memoryMB: 8192, gpus: 0 } } }),
  );
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing when the server is killed with SIGKILL and started again', async () => {
    server = await startOn(dataDir, clusterFile);
    const login = await fetch(`${server.baseURL}/api/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: server.adminUsername, password: server.adminPassword }),
    });
    const { token } = (await login.json()) as { token: string };
    const api = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${server!.baseURL}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      });
      return response;
    };
    const submit = async (jobName: string, command: string, cpuNumber = 1) => {
      const response = await api('/api/v1/user/admin/jobs', {
        method: 'POST',
        body: JSON.stringify({
          jobName,
          image: 'none',
          taskRoles: [{ name: 'main', cpuNumber, command }],
        }),
      });
      expect(response.status, await response.text()).toBe(202);
    };
    const detail = async (jobName: string) =>
      (await (await api(`/api/v1/user/admin/jobs/${jobName}`)).json()) as JobDetail;
    const waitFor = (jobName: string, done: (d: JobDetail) => boolean) =>
      vi.waitFor(
        async () => {
          const current = await detail(jobName);
          if (!done(current)) throw new Error(`${jobName}: ${JSON.stringify(current)}`);
          return current;
        },
        { timeout: 60_000, interval: 100 },
      );
    const state = (wanted: string) => (d: JobDetail) => d.jobStatus.state === wanted;
    const containerOf = (d: JobDetail) => d.taskRoles.main!.taskStatuses[0]!.containerId!;

    await submit('survivor', 'echo before; sleep 2; echo after; exec sleep 60');
    await submit('finisher', 'sleep 1.5; exit 7');
    await submit('vanisher', 'exec sleep 60');
    await submit('queued', 'echo ran', 6);
    const survivor = await waitFor('survivor', state('RUNNING'));
    const finisher = await waitFor('finisher', state('RUNNING'));
    const vanisher = await waitFor('vanisher', state('RUNNING'));
    expect((await detail('queued')).jobStatus.state).toBe('WAITING');
    const wrapperOf = (d: JobDetail) =>
      processesOf(containerOf(d)).find((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('task-wrapper.pl'),
      );
    const survivorWrapper = wrapperOf(survivor);
    expect(survivorWrapper).toBeDefined();

    // RUNNING comes when the sandbox starts; wait until each command itself runs (the shell has
    // the container id only once bubblewrap has set the sandbox up).
    const commandRuns = (d: JobDetail, program: string) => () =>
      expect(
        processesOf(containerOf(d)).map(
          (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0],
        ),
      ).toContain(program);
    await vi.waitFor(commandRuns(vanisher, 'sleep'), { timeout: 10_000, interval: 20 });

    await kill(server);
    // While the server is down: one task's processes vanish without a trace, another task ends.
    for (const pid of processesOf(containerOf(vanisher))) process.kill(pid, 'SIGKILL');
    // A failure names the job and each process left: command line and state.
    const gone = (d: JobDetail) => () => {
      const left = processesOf(containerOf(d));
      const info = left.map((pid) => {
        try {
          return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')} | ${readFileSync(`/proc/${pid}/stat`, 'utf8').slice(0, 80)}`;
        } catch {
          return `${pid} gone`;
        }
      });
      expect(`${d.jobStatus.name} ${info.join(' || ')}`).toBe(`${d.jobStatus.name} `);
    };
    await vi.waitFor(gone(vanisher), { timeout: 10_000, interval: 50 });
    await vi.waitFor(gone(finisher), { timeout: 30_000, interval: 50 }); // it exits after 1.5 s

    server = await startOn(dataDir, clusterFile);
    const finished = await detail('finisher');
    expect(finished.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 7 });
    expect(finished.jobStatus.appExitDiagnostics).toMatch(/exited with code 7/);
    const vanished = await detail('vanisher');
    expect(vanished.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 154 });
    expect(vanished.jobStatus.appExitDiagnostics).toMatch(/without leaving an exit status/);

    const adopted = await detail('survivor');
    expect(adopted.jobStatus.state).toBe('RUNNING');
    expect(wrapperOf(adopted)).toBe(survivorWrapper);
    const log = () => api('/api/v1/user/admin/jobs/survivor/tasks/main/0/logs/stdout');
    await expect
      .poll(async () => (await log()).text(), { timeout: 30_000 })
      .toBe('before\nafter\n');
    expect(
      (await waitFor('queued', (d) => ['SUCCEEDED', 'FAILED'].includes(d.jobStatus.state)))
        .jobStatus.state,
    ).toBe('SUCCEEDED');

    // The adopted task's SSH endpoint is back.
    const info = (await (await api('/api/v1/user/admin/jobs/survivor/ssh')).json()) as SshInfo;
    const key = await (
      await api(new URL(info.keyPair.privateKeyDirectDownloadLink).pathname)
    ).text();
    const keyFile = join(dataDir, 'key');
    writeFileSync(keyFile, key, { mode: 0o600 });
    const { stdout } = await run('ssh', [
      ...['-i', keyFile, '-p', info.containers[0]!.sshPort, '-o', 'StrictHostKeyChecking=no'],
      ...['-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR'],
      'admin@127.0.0.1',
      'echo $PAI_JOB_NAME',
    ]);
    expect(stdout).toBe('survivor\n');

    // Stopping the adopted task ends its processes, though the server is not their parent.
    await api('/api/v1/user/admin/jobs/survivor/executionType', {
      method: 'PUT',
      body: JSON.stringify({ value: 'STOP' }),
    });
    const stopped = await waitFor('survivor', state('STOPPED'));
    expect(stopped.taskRoles.main!.taskStatuses[0]).toMatchObject({
      taskState: 'STOPPED',
      containerExitCode: -7400,
    });
    expect(processesOf(containerOf(adopted))).toEqual([]);
    for (const name of ['finisher', 'vanisher'])
      expect(processesOf(containerOf(await detail(name)))).toEqual([]);
  }, 150_000);
});
