import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { JobDetail } from '../contract/api-types.ts';
import { killProcessesWorkingUnder } from './processes.ts';
import { startServeProcess, type ServeProcess } from './serve-process.ts';

const ADMIN = { username: 'admin', password: 'admin-password-crash' };

/** The real server process on a data dir that outlives it: killed with SIGKILL, started again. */
export class RestartableServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'pai-restart-'));
  private serve: ServeProcess | null = null;
  private token = '';

  constructor(private readonly env: Record<string, string | undefined>) {
    const clusterFile = join(this.dataDir, 'cluster.json');
    writeFileSync(
      clusterFile,
      JSON.stringify({ virtualClusters: { default: { cpus: 8, memoryMB: 8192, gpus: 0 } } }),
    );
    if (env.PAI_RUNTIME !== 'slurm') this.env = { PAI_CLUSTER_CONFIG: clusterFile, ...env };
  }

  async start(): Promise<void> {
    this.serve = await startServeProcess(this.dataDir, {
      PAI_ADMIN_USERNAME: ADMIN.username,
      PAI_ADMIN_PASSWORD: ADMIN.password,
      PAI_PORTAL_DIR: join(this.dataDir, 'no-portal'),
      ...this.env,
    });
    const login = await this.api('/api/v1/token', {
      method: 'POST',
      body: JSON.stringify(ADMIN),
    });
    this.token = ((await login.json()) as { token: string }).token;
  }

  /** A crash: SIGKILL, nothing is closed. */
  kill9 = (): Promise<void> => this.serve!.stop('SIGKILL');

  async stop(): Promise<void> {
    await this.serve?.stop();
    killProcessesWorkingUnder(this.dataDir);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  api(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.serve!.baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
    });
  }

  async submit(jobName: string, command: string): Promise<void> {
    const response = await this.api('/api/v1/user/admin/jobs', {
      method: 'POST',
      body: JSON.stringify({ jobName, image: 'none', taskRoles: [{ name: 'main', command }] }),
    });
    if (response.status !== 202) throw new Error(`submit ${jobName}: ${await response.text()}`);
  }

  async detail(jobName: string): Promise<JobDetail> {
    return (await (await this.api(`/api/v1/user/admin/jobs/${jobName}`)).json()) as JobDetail;
  }

  waitFor(jobName: string, state: string, timeoutMs = 60_000): Promise<JobDetail> {
    return vi.waitFor(
      async () => {
        const current = await this.detail(jobName);
        if (current.jobStatus.state !== state)
          throw new Error(`${jobName}: ${JSON.stringify(current)}`);
        return current;
      },
      { timeout: timeoutMs, interval: 100 },
    );
  }
}
