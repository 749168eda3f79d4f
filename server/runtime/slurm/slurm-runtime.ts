import { jobRef, RuntimeEvents } from '../runtime-events.ts';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { JobQueueStatus, SshInfo, TaskIsolationInfo } from '../../../contract/api-types.ts';
import type { ClusterConfig } from '../../cluster-config.ts';
import type { ServerConfig } from '../../config.ts';
import type { Db } from '../../store/db.ts';
import { stoppedOutcome } from '../completion.ts';
import { jobDemand, taskKeys } from '../job-spec.ts';
import { jobPath } from '../local-runtime.ts';
import { slurmIsolation } from '../isolation.ts';
import { DEFAULT_RUNTIME_OPTIONS, type RuntimeOptions } from '../options.ts';
import { RuntimePaths } from '../paths.ts';
import { RuntimeStore } from '../runtime-store.ts';
import type { RuntimeBackend } from '../runtime.ts';
import { ensureHostKey, ensureJobKeyPair, hostPublicKey, jobKeyPair } from '../ssh-keys.ts';
import { keptAttempts, storedTaskLog } from '../stored-task-log.ts';
import type { LogStream } from '../task-logs.ts';
import type { JobRuntime, TaskLog, VirtualClusterUsage } from '../types.ts';
import { partitionUsage, slurmClusterConfig, type PartitionMap } from './partitions.ts';
import { scancel } from './slurm-cli.ts';
import { failJob, finishAttempt, submit, terminate, type SlurmContext } from './slurm-driver.ts';
import { slurmJobFromRow, type SlurmJob } from './slurm-job.ts';
import { pollOnce } from './slurm-poll.ts';
import { closeSsh, openSsh } from './slurm-ssh.ts';
import { SlurmStore } from './slurm-store.ts';
import { recordedSlurmId, recoverSlurmJob } from './slurm-recovery.ts';
import type { RuntimeJobRow } from '../runtime-store.ts';

export interface SlurmRuntimeDeps {
  config: Pick<ServerConfig, 'host' | 'dataDir'>;
  db: Db;
  partitions: PartitionMap;
  nodeAddrs: Record<string, string>;
  options?: Partial<RuntimeOptions>;
}

const USAGE_EVERY_MS = 2000;
const wildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

/** PAI_RUNTIME=slurm: VCs from the partitions, jobs as Slurm jobs (README, "Slurm runtime"). */
export function slurmBackend(clusterConfigPath: string | undefined): RuntimeBackend {
  const { cluster, partitions, nodeAddrs } = slurmClusterConfig(clusterConfigPath);
  return { cluster, create: (deps) => new SlurmRuntime({ ...deps, partitions, nodeAddrs }) };
}

/** Runs each attempt of a job as one Slurm job (sbatch), and follows it with squeue and files. */
export class SlurmRuntime implements JobRuntime {
  /** Job transitions, as the local runtime's; Slurm schedules, so there are no scheduler passes. */
  readonly events = new RuntimeEvents();
  /** The sampler reads /proc by process id, and Slurm does not tell which process a task is. */
  readonly tasksNotSampled =
    "This server takes no resource samples of Slurm tasks: they run under Slurm's control, on its nodes.";
  private readonly ctx: SlurmContext;
  private readonly slurmStore: SlurmStore;
  private readonly hostIp: string;
  private hostKey: Buffer = Buffer.alloc(0);
  private closed = false;
  private loop: Promise<void> | null = null;
  private usageCache = new Map<string, Pick<VirtualClusterUsage, 'vCores' | 'memory' | 'GPUs'>>();
  private usageAt = 0;
  private readonly isolationInfo: TaskIsolationInfo;

  constructor(deps: SlurmRuntimeDeps) {
    const options = { ...DEFAULT_RUNTIME_OPTIONS, ...deps.options };
    this.isolationInfo = slurmIsolation(options.isolation);
    this.slurmStore = new SlurmStore(deps.db);
    this.hostIp = wildcard(deps.config.host) ? '127.0.0.1' : deps.config.host;
    this.ctx = {
      store: new RuntimeStore(deps.db),
      paths: new RuntimePaths(deps.config.dataDir),
      options,
      partitions: deps.partitions,
      nodeAddrs: deps.nodeAddrs,
      bindHost: deps.config.host,
      portsInUse: new Set(),
      jobs: new Map(),
      events: this.events,
      closeSsh,
      closed: () => this.closed,
    };
  }

  /** Always mode `none`: tasks run as the Slurm service account (README, "Slurm runtime"). */
  isolation(): TaskIsolationInfo {
    return this.isolationInfo;
  }

  async start(): Promise<void> {
    try {
      this.hostKey = ensureHostKey(this.ctx.paths.hostKey());
    } catch (error) {
      // SSH into tasks then fails, saying why; the server itself still starts.
      console.error(`No SSH host key (${(error as Error).message}); SSH into tasks is off.`);
    }
    for (const row of this.ctx.store.unfinishedJobs()) {
      const stage = row.state === 'WAITING' ? 'being queued again' : 'being recovered';
      this.contain(row, stage, () => {
        const job = recoverSlurmJob(this.ctx, row);
        if (job) this.ctx.jobs.set(job.id, job);
      });
    }
    // Ends that happened while the server was down are recorded before the first request.
    await this.tick();
    for (const job of this.ctx.jobs.values()) {
      if (job.slurmId === null && !job.submitting && !job.launched) submit(this.ctx, job);
    }
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, this.ctx.options.pollIntervalMs));
      if (!this.closed) await this.tick();
    }
  }

  private async tick(): Promise<void> {
    try {
      await pollOnce(this.ctx, this.slurmStore, (job) => this.openSsh(job));
      if (Date.now() - this.usageAt > USAGE_EVERY_MS) {
        this.usageAt = Date.now();
        this.usageCache = await partitionUsage(this.ctx.partitions);
      }
    } catch (error) {
      console.error(`slurm runtime: ${(error as Error).message}`);
    }
  }

  private openSsh(job: SlurmJob): Promise<void> {
    return openSsh(this.ctx, job, { hostKey: this.hostKey, closed: () => this.closed });
  }

  enqueue(jobId: number): void {
    if (this.closed || this.ctx.jobs.has(jobId)) return;
    const row = this.ctx.store.job(jobId);
    if (!row?.config_json) return;
    this.contain(row, 'being queued', () => {
      const job = slurmJobFromRow(row);
      ensureJobKeyPair(jobKeyPair(this.ctx.paths.sshDir(job.id), job.frameworkName));
      this.ctx.store.prepareAttempt(job.id, 0, taskKeys(job.spec));
      this.ctx.jobs.set(job.id, job);
      this.events.emit('queued', { ...jobRef(job), attempt: job.attempt });
      submit(this.ctx, job);
    });
  }

  /** Runs one job's step; an error fails that job (with the error in words), not the server. */
  private contain(row: RuntimeJobRow | SlurmJob, stage: string, step: () => unknown): void {
    try {
      step();
    } catch (error) {
      failJob(this.ctx, this.ctx.jobs.get(row.id) ?? this.jobOf(row), stage, error);
    }
  }

  /** The job as far as it can be known from a row that may not parse (its Slurm job included). */
  private jobOf(row: RuntimeJobRow | SlurmJob): SlurmJob {
    if ('spec' in row) return row;
    const job = slurmJobFromRow({ ...row, config_json: null });
    job.slurmId = recordedSlurmId(this.ctx.paths.attemptDir(job.id, job.attempt));
    return job;
  }

  stop(jobId: number): void {
    const job = this.ctx.jobs.get(jobId);
    if (!job || job.stopRequested) return;
    job.stopRequested = true;
    this.events.emit('stopRequested', jobRef(job));
    if (!job.outcome || job.outcome.state === 'FAILED') job.outcome = stoppedOutcome();
    // On a full disk the job is still stopped; its end is recorded once the store takes it.
    this.contain(job, 'being stopped', () => {
      if (job.slurmId === null && job.timer) return finishAttempt(this.ctx, job); // Retry wait.
      if (job.slurmId === null) return; // sbatch is answering; the submission cancels the job.
      if (!job.launched) {
        void scancel(job.slurmId);
        return finishAttempt(this.ctx, job);
      }
      terminate(this.ctx, job);
    });
  }

  async remove(jobId: number): Promise<void> {
    const job = this.ctx.jobs.get(jobId);
    if (job) {
      job.removed = true;
      job.stopRequested = true;
      if (job.slurmId !== null) await scancel(job.slurmId);
      finishAttempt(this.ctx, job);
    }
    rmSync(this.ctx.paths.jobDir(jobId), { recursive: true, force: true });
  }

  /** Slurm keeps the queue: its pending reason in words, without a place or free resources. */
  queueStatus(jobId: number): JobQueueStatus | null {
    const job = this.ctx.jobs.get(jobId);
    if (!job || job.launched) return null;
    const needs = jobDemand(job.spec);
    return { position: null, jobsAhead: null, needs, free: null, reason: job.lastReason };
  }

  usage(): Map<string, VirtualClusterUsage> {
    const usage = new Map<string, VirtualClusterUsage>();
    for (const vc of Object.keys(this.ctx.partitions)) {
      const used = this.usageCache.get(vc) ?? { vCores: 0, memory: 0, GPUs: 0 };
      usage.set(vc, { ...used, runningJobs: 0, waitingJobs: 0 });
    }
    for (const job of this.ctx.jobs.values()) {
      const vc = usage.get(job.vc);
      if (vc && job.launched) vc.runningJobs++;
      else if (vc) vc.waitingJobs++;
    }
    return usage;
  }

  sshInfo(jobId: number, baseUrl: string): SshInfo | null {
    const row = this.ctx.store.job(jobId);
    const keyPath = this.privateKeyPath(jobId);
    if (!row || !keyPath) return null;
    const job = this.ctx.jobs.get(jobId);
    const containers = job
      ? [...job.ssh.entries()].map(([key]) => {
          const [role, index] = key.split('/') as [string, string];
          return {
            id: this.ctx.paths.containerId(job.id, job.attempt, role, Number(index)),
            sshIp: this.hostIp,
            sshPort: String(job.sshPorts.get(key)),
          };
        })
      : [];
    return {
      containers,
      keyPair: {
        ...jobKeyPair(this.ctx.paths.sshDir(jobId), row.framework_name),
        privateKeyDirectDownloadLink: `${baseUrl}${jobPath(row)}/ssh/private-key`,
      },
      hostPublicKey: hostPublicKey(this.hostKey),
    };
  }

  privateKeyPath(jobId: number): string | null {
    const row = this.ctx.store.job(jobId);
    if (!row) return null;
    const pair = jobKeyPair(this.ctx.paths.sshDir(jobId), row.framework_name);
    const path = join(pair.folderPath, pair.privateKeyFileName);
    return existsSync(path) ? path : null;
  }

  taskLog(
    jobId: number,
    role: string,
    index: number,
    stream: LogStream,
    tailBytes: number | null,
    attempt: number | null = null,
  ): TaskLog | null {
    const tasks = this.ctx.store.tasks(jobId);
    return storedTaskLog(this.ctx.paths, tasks, jobId, { role, index, attempt }, stream, tailBytes);
  }

  keptAttempts(jobId: number): number[] {
    return keptAttempts(this.ctx.paths, jobId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.loop;
    for (const job of this.ctx.jobs.values()) {
      clearTimeout(job.timer);
      closeSsh(job);
    }
  }
}

export type { ClusterConfig };
