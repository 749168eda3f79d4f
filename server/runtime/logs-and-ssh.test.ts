import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail, SshInfo } from '../../contract/api-types.ts';
import { taskLogPath } from '../routes/task-logs.ts';
import { createRuntimeApp, oneTaskJob, type RuntimeTestApp } from './test-kit.ts';

const run = promisify(execFile);
const ended = (detail: JobDetail) =>
  ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(detail.jobStatus.state);
const LOG_MAX = 64 * 1024;

/** Runs the stock OpenSSH client; resolves with its exit code and output. */
async function ssh(keyFile: string, port: string, command: string, extra: string[] = []) {
  const args = [
    ...extra, // ssh takes the first value it is given for an option: these override the defaults
    ...[
      '-i',
      keyFile,
      '-p',
      port,
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
    ],
    ...[
      '-o',
      'BatchMode=yes',
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'LogLevel=ERROR',
      '-o',
      'ConnectTimeout=20',
    ],
    'alice@127.0.0.1',
    command,
  ];
  try {
    const { stdout, stderr } = await run('ssh', args, { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('task logs and SSH', () => {
  let kit: RuntimeTestApp;
  let bobToken: string;

  beforeAll(async () => {
    kit = await createRuntimeApp({ runtime: { logMaxBytes: LOG_MAX } });
    bobToken = await kit.addUser('bob');
  });
  afterAll(async () => {
    await kit.close();
  });

  const getLog = (url: string, token = kit.token) =>
    kit.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('serves each stream of a task, whole or its tail, to the owner', async () => {
    const name = await kit.submit(
      oneTaskJob('for i in 1 2 3 4 5; do echo "line $i"; done; echo "on stderr" >&2'),
    );
    const detail = await kit.waitFor(name, ended);
    const containerLog = detail.taskRoles.main!.taskStatuses[0]!.containerLog!;
    expect(new URL(containerLog).pathname).toBe(taskLogPath(kit.jobUrl(name), 'main', 0, 'stdout'));
    const stdout = await getLog(taskLogPath(kit.jobUrl(name), 'main', 0, 'stdout'));
    expect(stdout.statusCode).toBe(200);
    expect(stdout.headers['content-type']).toMatch(/^text\/plain/);
    expect(stdout.body).toBe('line 1\nline 2\nline 3\nline 4\nline 5\n');
    expect(stdout.headers['x-task-running']).toBe('false');
    expect((await getLog(`${taskLogPath(kit.jobUrl(name), 'main', 0)}?tail=7`)).body).toBe(
      'line 5\n',
    );
    expect((await getLog(taskLogPath(kit.jobUrl(name), 'main', 0, 'stderr'))).body).toBe(
      'on stderr\n',
    );
    expect((await getLog(`/api/v1/jobs/alice~${name}/tasks/main/0/logs/stderr`)).body).toBe(
      'on stderr\n',
    );
  });

  it('refuses other users and names what was wrong', async () => {
    const name = await kit.submit(oneTaskJob('echo secret'));
    await kit.waitFor(name, ended);
    const base = `${kit.jobUrl(name)}/tasks/main/0/logs`;
    expect((await getLog(`${base}/stdout`, bobToken)).statusCode).toBe(403);
    expect((await getLog(`${base}/stdout`, 'not-a-token')).statusCode).toBe(401);
    const wrongStream = await getLog(`${base}/stdin`);
    expect(wrongStream.statusCode).toBe(400);
    expect(wrongStream.json()).toMatchObject({ code: 'InvalidParametersError' });
    expect((await getLog(`${base}/stdout?tail=-5`)).statusCode).toBe(400);
    expect((await getLog(`${kit.jobUrl(name)}/tasks/main/7/logs/stdout`)).statusCode).toBe(404);
    expect(
      (await getLog(`${kit.jobUrl('no-such-job')}/tasks/main/0/logs/stdout`)).json(),
    ).toMatchObject({
      code: 'NoJobError',
    });
  });

  it('shows the log while the task runs', async () => {
    const name = await kit.submit(oneTaskJob('echo started; exec sleep 60'));
    await kit.waitForState(name, 'RUNNING');
    const url = `${kit.jobUrl(name)}/tasks/main/0/logs/stdout`;
    const response = await vi.waitFor(
      async () => {
        const answer = await getLog(url);
        expect(answer.body).not.toBe('');
        return answer;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(response.body).toBe('started\n');
    expect(response.headers['x-task-running']).toBe('true');
    await kit.stop(name);
    await kit.waitFor(name, ended);
  });

  it('caps a log that grows without end: it rotates once and keeps the newest bytes', async () => {
    const name = await kit.submit(
      oneTaskJob("head -c 300000 /dev/zero | tr '\\0' a; echo; echo END"),
    );
    await kit.waitFor(name, ended);
    const response = await getLog(`${kit.jobUrl(name)}/tasks/main/0/logs/stdout`);
    const kept = Number(response.headers['x-log-kept-bytes']);
    expect(kept).toBeLessThanOrEqual(2 * LOG_MAX);
    expect(kept).toBeGreaterThan(LOG_MAX / 2);
    expect(response.body.length).toBe(kept);
    expect(response.body.endsWith('aaa\nEND\n')).toBe(true);
    const jobId = kit.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(name) as number;
    expect(
      existsSync(join(kit.dataDir, 'jobs', String(jobId), 'attempt-0', 'main.0', 'stdout.log.1')),
    ).toBe(true);
  });

  it('lets a stock OpenSSH client in with the downloaded key, and nobody else', async () => {
    const name = await kit.submit(oneTaskJob('exec sleep 60'));
    const running = await kit.waitForState(name, 'RUNNING');
    const sshResponse = await getLog(`${kit.jobUrl(name)}/ssh`);
    expect(sshResponse.statusCode).toBe(200);
    const info = sshResponse.json() as SshInfo;
    const task = running.taskRoles.main!.taskStatuses[0]!;
    expect(info.containers).toEqual([
      { id: task.containerId, sshIp: '127.0.0.1', sshPort: task.containerPorts!.ssh },
    ]);
    expect(info.keyPair).toMatchObject({
      publicKeyFileName: `alice~${name}.pub`,
      privateKeyFileName: `alice~${name}`,
    });

    const keyPath = new URL(info.keyPair.privateKeyDirectDownloadLink).pathname;
    expect((await getLog(keyPath, bobToken)).statusCode).toBe(403);
    const download = await getLog(keyPath);
    expect(download.statusCode).toBe(200);
    expect(download.body).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    const keyFile = join(kit.dataDir, 'downloaded-key');
    writeFileSync(keyFile, download.body, { mode: 0o600 });

    const port = info.containers[0]!.sshPort;
    const echo = await ssh(keyFile, port, 'echo $PAI_JOB_NAME; pwd; echo oops >&2; exit 5');
    expect(echo.stdout).toBe(
      `${name}\n${kit.dataDir}/jobs/${kit.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(name)}/attempt-0/main.0/work\n`,
    );
    expect(echo.stderr).toBe('oops\n');
    expect(echo.code).toBe(5);

    // The SSH info names the host key (docs/api.md §5.6): a known_hosts line built from it lets
    // ssh check the host strictly, with no prompt, and a different key is refused.
    const { stdout: hostKey } = await run('ssh-keygen', [
      '-y',
      '-f',
      join(kit.dataDir, 'runtime', 'ssh_host_ed25519_key'),
    ]);
    expect(info.hostPublicKey).toBe(hostKey.trim().split(' ').slice(0, 2).join(' '));
    const knownHosts = join(kit.dataDir, 'known_hosts');
    const strict = ['-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`];
    writeFileSync(knownHosts, `[127.0.0.1]:* ${info.hostPublicKey}\n`);
    expect(await ssh(keyFile, port, 'echo checked', strict)).toMatchObject({
      code: 0,
      stdout: 'checked\n',
    });
    const { stdout: otherKey } = await run('ssh-keygen', ['-y', '-f', keyFile]);
    writeFileSync(knownHosts, `[127.0.0.1]:* ${otherKey.trim()}\n`);
    const spoofed = await ssh(keyFile, port, 'echo checked', strict);
    expect(spoofed.code).toBe(255);
    expect(spoofed.stderr).toMatch(/Host key verification failed/);

    const terminal = await ssh(keyFile, port, 'tty; echo $PAI_CURRENT_TASK_ROLE_NAME', ['-tt']);
    expect(terminal.stdout).toMatch(/^\/dev\/pts\/\d+\r?\nmain\r?\n/);

    const strangerKey = join(kit.dataDir, 'stranger-key');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', strangerKey]);
    const refused = await ssh(strangerKey, port, 'echo in');
    expect(refused.code).toBe(255);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/Permission denied \(publickey\)/);

    await kit.stop(name);
    await kit.waitFor(name, ended);
    const afterEnd = await ssh(keyFile, port, 'echo in');
    expect(afterEnd.code).toBe(255);
    expect(afterEnd.stderr).toMatch(/Connection refused/);
    expect((await getLog(`${kit.jobUrl(name)}/ssh`)).json()).toMatchObject({ containers: [] });
  });
});
