import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { JobQueueStatus, SshInfo, TaskIsolationInfo } from '../../contract/api-types.ts';
import { loadClusterConfig, type ClusterConfig } from '../cluster-config.ts';
import type { ServerConfig } from '../config.ts';
import type { Db } from '../store/db.ts';
import { liveTasks, type ActiveJob, type TaskRun } from './active-job.ts';
import { Capacity } from './capacity.ts';
import { stoppedOutcome } from './completion.ts';
import { probeIsolation } from './isolation.ts';
import { JobDriver } from './job-driver.ts';
import { taskKeys } from './job-spec.ts';
import { DEFAULT_RUNTIME_OPTIONS, type RuntimeOptions } from './options.ts';
import { RuntimePaths } from './paths.ts';
import { activeJobFromRow, recoverRunningJob, type RecoveredJob } from './recovery.ts';
import { localQueueStatus } from './queue-status.ts';
import { jobRef, type RuntimeEvents } from './runtime-events.ts';
import { RuntimeStore, type RuntimeJobRow } from './runtime-store.ts';
import { ensureHostKey, ensureJobKeyPair, hostPublicKey, jobKeyPair } from './ssh-keys.ts';
import { assignEnvironments, releaseTask, startSsh } from './task-launch.ts';
import { keptAttempts, storedTaskLog } from './stored-task-log.ts';
import type { LogStream } from './task-logs.ts';
import { TaskProcess } from './task-process.ts';
import { TaskSpawner } from './task-spawner.ts';
import { TaskUids } from './task-uids.ts';
import type { JobRuntime, TaskLog, VirtualClusterUsage } from './types.ts';

export interface LocalRuntimeDeps {
  config: Pick<ServerConfig, 'host' | 'dataDir' | 'clusterConfigPath'>;
  db: Db;
  cluster?: ClusterConfig;
  options?: Partial<RuntimeOptions>;
}

const wildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

/** Runs jobs as process groups on this machine (see the README, "Local job runtime"). */
export class LocalRuntime implements JobRuntime {
  private readonly store: RuntimeStore;
  private readonly paths: RuntimePaths;
  private readonly cluster: ClusterConfig;
  private readonly options: RuntimeOptions;
  private readonly driver: JobDriver;
  readonly events: RuntimeEvents;

  constructor(deps: LocalRuntimeDeps) {
    this.store = new RuntimeStore(deps.db);
    this.paths = new RuntimePaths(deps.config.dataDir);
    this.cluster = deps.cluster ?? loadClusterConfig(deps.config.clusterConfigPath);
    this.options = { ...DEFAULT_RUNTIME_OPTIONS, ...deps.options };
    this.driver = new JobDriver(this.store, this.paths, new Capacity(this.cluster), this.options, {
      paths: this.paths,
      options: this.options,
      bindHost: deps.config.host,
      hostIp: wildcard(deps.config.host) ? '127.0.0.1' : deps.config.host,
      hostKey: Buffer.alloc(0),
      portsInUse: new Set(),
      isolation: null,
      uids: new TaskUids(
        join(deps.config.dataDir, 'runtime', 'task-uids.json'),
        this.options.taskUidRange,
      ),
      spawner: new TaskSpawner(),
    });
    this.events = this.driver.events;
  }

  /** PAI_TASK_ISOLATION as applied on this machine (known once started). */
  isolation(): TaskIsolationInfo | null {
    return this.driver.ctx.isolation?.info ?? null;
  }

  async start(): Promise<void> {
    // PAI_TASK_ISOLATION=required without isolation throws here, before any task starts.
    this.driver.ctx.isolation = probeIsolation(
      this.options.isolation,
      this.paths.tag,
      this.options.bwrapPath,
    );
    try {
      this.driver.ctx.hostKey = ensureHostKey(this.paths.hostKey());
    } catch (error) {
      // Jobs then fail at launch, saying why; the server itself still starts.
      console.error(`No SSH host key (${(error as Error).message}); jobs cannot start.`);
    }
    const recovered: RecoveredJob[] = [];
    for (const row of this.store.unfinishedJobs()) {
      if (row.state === 'WAITING') this.contain(row, 'being queued again', () => this.requeue(row));
      else
        this.contain(row, 'being recovered', () =>
          recovered.push(recoverRunningJob(this.store, this.paths, row)),
        );
    }
    for (const job of recovered) this.contain(job.job, 'being recovered', () => this.resume(job));
    this.driver.sweep();
    for (const { job, alive } of recovered) {
      for (const { task } of alive) await this.reopenSsh(job, task);
    }
    this.driver.scheduleSoon();
  }

  enqueue(jobId: number): void {
    if (this.driver.closed || this.driver.jobs.has(jobId)) return;
    const row = this.store.job(jobId);
    if (!row?.config_json) return;
    this.contain(row, 'being queued', () => {
      const job = activeJobFromRow(row);
      ensureJobKeyPair(jobKeyPair(this.paths.sshDir(job.id), job.frameworkName));
      this.store.prepareAttempt(job.id, 0, taskKeys(job.spec));
      this.driver.jobs.set(job.id, job);
      this.driver.queue.add(job);
      this.events.emit('queued', { ...jobRef(job), attempt: job.attempt });
      this.driver.scheduleSoon();
    });
  }

  /** Runs one job's step; an error fails that job (with the error in words), not the server. */
  private contain(row: RuntimeJobRow | ActiveJob, stage: string, step: () => unknown): void {
    try {
      step();
    } catch (error) {
      const job =
        this.driver.jobs.get(row.id) ??
        ('spec' in row ? row : activeJobFromRow({ ...row, config_json: null }));
      this.driver.fail(job, stage, error);
    }
  }

  stop(jobId: number): void {
    const job = this.driver.jobs.get(jobId);
    if (!job || job.stopRequested) return;
    job.stopRequested = true;
    this.events.emit('stopRequested', jobRef(job));
    if (job.phase === 'queued' || job.phase === 'retry-wait') {
      this.driver.queue.remove(job);
      clearTimeout(job.timer);
      job.outcome = stoppedOutcome();
      // On a full disk the job is still stopped; its end is recorded once the store takes it.
      this.driver.contain(job, 'being stopped', () => this.driver.finishAttempt(job));
    } else if (job.phase === 'running') this.driver.stopRunning(job);
    // A job being launched sees the request once its tasks are prepared, and again once started.
  }

  async remove(jobId: number): Promise<void> {
    const job = this.driver.jobs.get(jobId);
    if (job) {
      job.removed = true;
      job.stopRequested = true;
      this.driver.queue.remove(job);
      clearTimeout(job.timer);
      await job.launching;
      await this.driver.killForRemoval(job);
    }
    this.driver.sweep();
    rmSync(this.paths.jobDir(jobId), { recursive: true, force: true });
  }

  queueStatus(jobId: number): JobQueueStatus | null {
    const job = this.driver.jobs.get(jobId);
    return job ? localQueueStatus(job, this.driver.queue, this.driver.capacity) : null;
  }

  usage(): Map<string, VirtualClusterUsage> {
    const { capacity } = this.driver;
    const usage = new Map<string, VirtualClusterUsage>();
    for (const vc of Object.keys(this.cluster.virtualClusters)) {
      const used = capacity.used(vc);
      usage.set(vc, {
        vCores: used.cpus,
        memory: used.memoryMB,
        GPUs: used.gpus,
        runningJobs: 0,
        waitingJobs: 0,
      });
    }
    for (const job of this.driver.jobs.values()) {
      const vc = usage.get(job.vc);
      if (vc && capacity.holds(job.id)) vc.runningJobs++;
      else if (vc) vc.waitingJobs++;
    }
    return usage;
  }

  sshInfo(jobId: number, baseUrl: string): SshInfo | null {
    const row = this.store.job(jobId);
    const keyPath = this.privateKeyPath(jobId);
    if (!row || !keyPath) return null;
    const containers = (this.driver.jobs.get(jobId)?.tasks ?? [])
      .filter((task) => task.ssh && task.process?.isRunning)
      .map((task) => ({
        id: task.containerId,
        sshIp: this.driver.ctx.hostIp,
        sshPort: String(task.ports.ssh![0]),
      }));
    return {
      containers,
      keyPair: {
        ...jobKeyPair(this.paths.sshDir(jobId), row.framework_name),
        privateKeyDirectDownloadLink: `${baseUrl}${jobPath(row)}/ssh/private-key`,
      },
      hostPublicKey: hostPublicKey(this.driver.ctx.hostKey),
    };
  }

  privateKeyPath(jobId: number): string | null {
    const row = this.store.job(jobId);
    if (!row) return null;
    const pair = jobKeyPair(this.paths.sshDir(jobId), row.framework_name);
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
    const tasks = this.store.tasks(jobId);
    return storedTaskLog(this.paths, tasks, jobId, { role, index, attempt }, stream, tailBytes);
  }

  keptAttempts(jobId: number): number[] {
    return keptAttempts(this.paths, jobId);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** Queues again a job that was waiting when the server stopped. */
  private requeue(row: RuntimeJobRow): void {
    const job = activeJobFromRow(row);
    if (job.stopRequested) {
      this.store.finish(job.id, job.attempt, stoppedOutcome(), Date.now());
      return;
    }
    ensureJobKeyPair(jobKeyPair(this.paths.sshDir(job.id), job.frameworkName));
    if (this.store.tasks(job.id).length === 0)
      this.store.prepareAttempt(job.id, job.attempt, taskKeys(job.spec));
    this.driver.jobs.set(job.id, job);
    this.driver.queue.add(job);
    this.events.emit('queued', { ...jobRef(job), attempt: job.attempt });
  }

  /** Takes back a job that was running when the server stopped. */
  private resume({ job, gpus, alive, gone }: RecoveredJob): void {
    const { driver } = this;
    driver.jobs.set(job.id, job);
    driver.capacity.adopt(job.id, job.vc, job.spec, gpus);
    for (const task of job.tasks) {
      if (!task.end)
        for (const port of Object.values(task.ports).flat()) driver.ctx.portsInUse.add(port);
    }
    assignEnvironments(driver.ctx, job);
    for (const { task, pid } of alive) {
      const cgroup = driver.ctx.isolation?.cgroups?.open(task.containerId) ?? null;
      task.process = TaskProcess.adopt(pid, task.taskDir, cgroup, this.options.pollIntervalMs, () =>
        driver.onTaskExit(job, task),
      );
    }
    for (const task of gone) driver.taskEnded(job, task, driver.endOf(job, task));
    if (!driver.jobs.has(job.id)) return;
    if (job.outcome) driver.terminate(job, 'the job was ending when the server stopped');
    if (liveTasks(job).length === 0) driver.finishAttempt(job);
  }

  private async reopenSsh(job: ActiveJob, task: TaskRun): Promise<void> {
    await startSsh(this.driver.ctx, job, [task]).catch(() => undefined);
    if (task.ssh && (this.driver.closed || !task.process?.isRunning)) {
      releaseTask(this.driver.ctx, task);
    }
  }
}

/** The job's URL path: `/api/v1/user/<namespace>/jobs/<name>`, or `/api/v1/jobs/<name>` for a legacy job. */
export function jobPath(row: Pick<RuntimeJobRow, 'framework_name'>): string {
  const tilde = row.framework_name.indexOf('~');
  if (tilde < 0) return `/api/v1/jobs/${encodeURIComponent(row.framework_name)}`;
  const namespace = row.framework_name.slice(0, tilde);
  const name = row.framework_name.slice(tilde + 1);
  return `/api/v1/user/${encodeURIComponent(namespace)}/jobs/${encodeURIComponent(name)}`;
}
