import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import type { JobDetail, SshInfo } from '../../contract/api-types.ts';
import { startServer, type RunningServer } from '../../testing/server.ts';

const run = promisify(execFile);

export const TEST_PIDS_MAX = 200;

/** The server runs as root: tasks get uids of their own and the attempts mean something. */
export const asRoot = process.getuid?.() === 0;
export const ended = (detail: JobDetail) =>
  ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(detail.jobStatus.state);
export const running = (detail: JobDetail) => detail.jobStatus.state === 'RUNNING';

export interface Outcome {
  code: number;
  output: string;
}

/** One user of the real server: submits jobs, reads them, and runs commands in them over SSH. */
export class ServerUser {
  constructor(
    private readonly server: RunningServer,
    readonly name: string,
    private readonly token: string,
  ) {}

  async api(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.server.baseURL}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
  }

  jobPath(jobName: string): string {
    return `/api/v1/user/${this.name}/jobs/${jobName}`;
  }

  async submit(jobName: string, command: string, role: Record<string, unknown> = {}) {
    const response = await this.api(`/api/v1/user/${this.name}/jobs`, {
      method: 'POST',
      body: JSON.stringify({
        jobName,
        image: 'none',
        taskRoles: [{ name: 'main', taskNumber: 1, memoryMB: 100, command, ...role }],
      }),
    });
    if (response.status !== 202) throw new Error(`submit: ${await response.text()}`);
  }

  async detail(jobName: string): Promise<JobDetail> {
    return (await (await this.api(this.jobPath(jobName))).json()) as JobDetail;
  }

  waitFor(jobName: string, done: (detail: JobDetail) => boolean): Promise<JobDetail> {
    return vi.waitFor(
      async () => {
        const detail = await this.detail(jobName);
        if (!done(detail)) throw new Error(`${jobName}: ${JSON.stringify(detail)}`);
        return detail;
      },
      { timeout: 60_000, interval: 100 },
    );
  }

  async stdout(jobName: string): Promise<string> {
    return (await this.api(`${this.jobPath(jobName)}/tasks/main/0/logs/stdout`)).text();
  }

  /** Downloads the job's key; returns a function that runs a command in its task over SSH. */
  async sshInto(jobName: string, dir: string): Promise<(command: string) => Promise<Outcome>> {
    const info = (await (await this.api(`${this.jobPath(jobName)}/ssh`)).json()) as SshInfo;
    const keyFile = join(dir, `${this.name}-${jobName}-key`);
    const keyPath = new URL(info.keyPair.privateKeyDirectDownloadLink).pathname;
    writeFileSync(keyFile, await (await this.api(keyPath)).text(), { mode: 0o600 });
    const port = info.containers[0]!.sshPort;
    return async (command) => {
      const args = [
        ...['-i', keyFile, '-p', port, '-o', 'StrictHostKeyChecking=no'],
        ...['-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR'],
        `${this.name}@127.0.0.1`,
        command,
      ];
      try {
        const { stdout, stderr } = await run('ssh', args, { timeout: 60_000 });
        return { code: 0, output: stdout + stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, output: failed.stdout + failed.stderr };
      }
    };
  }
}

export interface EscapeServer {
  server: RunningServer;
  dataDir: string;
  admin: ServerUser;
  addUser(name: string): Promise<ServerUser>;
  stop(): Promise<void>;
}

/** The real server (`serve`), as root, with a fixed cluster, short stop grace and `env`. */
export async function startEscapeServer(env: Record<string, string> = {}): Promise<EscapeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pai-escape-'));
  const clusterFile = join(dir, 'cluster.json');
  writeFileSync(
    clusterFile,
    JSON.stringify({ virtualClusters: { default: { cpus: 16, memoryMB: 65536, gpus: 0 } } }),
  );
  const server = await startServer({
    PAI_CLUSTER_CONFIG: clusterFile,
    PAI_STOP_GRACE_SECONDS: '0.5',
    // A fork bomb stops at the same kind of limit as with the default 4096, sooner.
    PAI_TASK_PIDS_MAX: String(TEST_PIDS_MAX),
    ...env,
  });
  const login = async (username: string, password: string) => {
    const response = await fetch(`${server.baseURL}/api/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const admin = new ServerUser(
    server,
    server.adminUsername,
    await login(server.adminUsername, server.adminPassword),
  );
  return {
    server,
    dataDir: server.dataDir,
    admin,
    async addUser(name) {
      const password = `${name}-password`;
      const response = await admin.api('/api/v2/user', {
        method: 'POST',
        body: JSON.stringify({
          username: name,
          password,
          admin: false,
          virtualCluster: ['default'],
        }),
      });
      if (response.status >= 300) throw new Error(`add user ${name}: ${await response.text()}`);
      return new ServerUser(server, name, await login(name, password));
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Host pids of live processes whose command line contains `marker`. */
export function processesRunning(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (cmdline.includes(marker) && stat[stat.lastIndexOf(')') + 2] !== 'Z')
        found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}
