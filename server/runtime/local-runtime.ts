import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SshInfo } from '../../contract/api-types.ts';
import { loadClusterConfig, type ClusterConfig } from '../cluster-config.ts';
import type { ServerConfig } from '../config.ts';
import type { Db } from '../store/db.ts';
import { liveTasks, taskLabel, type ActiveJob, type TaskRun } from './active-job.ts';
import { Capacity, gpuBitmask, type GpuAssignment } from './capacity.ts';
import {
  decideOutcome,
  emptyJobOutcome,
  mayRetry,
  rejectedOutcome,
  stoppedOutcome,
  type Outcome,
} from './completion.ts';
import { taskKeys } from './job-spec.ts';
import { JobQueue } from './job-queue.ts';
import { DEFAULT_RUNTIME_OPTIONS, type RuntimeOptions } from './options.ts';
import { RuntimePaths } from './paths.ts';
import { containerPorts } from './ports.ts';
import { activeJobFromRow, recoverRunningJob, type RecoveredJob } from './recovery.ts';
import { RuntimeStore, type RuntimeJobRow } from './runtime-store.ts';
import { ensureHostKey, ensureJobKeyPair, jobKeyPair } from './ssh-keys.ts';
import { EXIT_CODE, endFromRecord, platformFailure, stoppedEnd, type TaskEnd } from './task-end.ts';
import {
  assignEnvironments,
  LaunchFailure,
  prepareTasks,
  releaseTask,
  spawnTasks,
  startSsh,
  type LaunchContext,
} from './task-launch.ts';
import { readTaskLog, stderrTail, type LogStream } from './task-logs.ts';
import { killStrays, readExitRecord, TaskProcess } from './task-process.ts';
import type { JobRuntime, TaskLog, VirtualClusterUsage } from './types.ts';

export interface LocalRuntimeDeps {
  config: Pick<ServerConfig, 'host' | 'dataDir' | 'clusterConfigPath'>;
  db: Db;
  cluster?: ClusterConfig;
  options?: Partial<RuntimeOptions>;
}

/** While a task runs, its log endpoint answers with this much of the end unless asked otherwise. */
const RUNNING_LOG_TAIL = 64 * 1024;
const SWEEP_DELAY_MS = 200;

const wildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

/** Runs jobs as process groups on this machine (see the README, "Local job runtime"). */
export class LocalRuntime implements JobRuntime {
  private readonly store: RuntimeStore;
  private readonly paths: RuntimePaths;
  private readonly cluster: ClusterConfig;
  private readonly capacity: Capacity;
  private readonly options: RuntimeOptions;
  private readonly ctx: LaunchContext;
  private readonly jobs = new Map<number, ActiveJob>();
  private readonly queue = new JobQueue();
  private readonly removals = new Map<number, () => void>();
  private schedulePending = false;
  private sweepTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(deps: LocalRuntimeDeps) {
    this.store = new RuntimeStore(deps.db);
    this.paths = new RuntimePaths(deps.config.dataDir);
    this.cluster = deps.cluster ?? loadClusterConfig(deps.config.clusterConfigPath);
    this.capacity = new Capacity(this.cluster);
    this.options = { ...DEFAULT_RUNTIME_OPTIONS, ...deps.options };
    this.ctx = {
      paths: this.paths,
      options: this.options,
      bindHost: deps.config.host,
      hostIp: wildcard(deps.config.host) ? '127.0.0.1' : deps.config.host,
      hostKey: Buffer.alloc(0),
      portsInUse: new Set(),
    };
  }

  async start(): Promise<void> {
    this.ctx.hostKey = ensureHostKey(this.paths.hostKey());
    const recovered: RecoveredJob[] = [];
    for (const row of this.store.unfinishedJobs()) {
      if (row.state === 'WAITING') this.requeue(row);
      else recovered.push(recoverRunningJob(this.store, this.paths, row));
    }
    for (const job of recovered) this.resume(job);
    this.sweep();
    for (const { job, alive } of recovered) {
      for (const { task } of alive) await this.reopenSsh(job, task);
    }
    this.scheduleSoon();
  }

  enqueue(jobId: number): void {
    if (this.closed || this.jobs.has(jobId)) return;
    const row = this.store.job(jobId);
    if (!row?.config_json) return;
    const job = activeJobFromRow(row);
    ensureJobKeyPair(jobKeyPair(this.paths.sshDir(job.id), job.frameworkName));
    this.store.prepareAttempt(job.id, 0, taskKeys(job.spec));
    this.jobs.set(job.id, job);
    this.queue.add(job);
    this.scheduleSoon();
  }

  stop(jobId: number): void {
    const job = this.jobs.get(jobId);
    if (!job || job.stopRequested) return;
    job.stopRequested = true;
    if (job.phase === 'queued' || job.phase === 'retry-wait') {
      this.queue.remove(job);
      clearTimeout(job.timer);
      job.outcome = stoppedOutcome();
      this.finishAttempt(job);
    } else if (job.phase === 'running') {
      // A stop replaces a failure that would have been retried; a decided end stands.
      const retrying =
        job.outcome?.state === 'FAILED' &&
        mayRetry(job.spec.retryCount, job.retries, job.outcome.failureKind);
      if (!job.outcome || retrying) job.outcome = stoppedOutcome();
      this.terminate(job, 'the job was asked to stop');
      if (liveTasks(job).length === 0) this.finishAttempt(job);
    }
    // A job being launched sees the request once its tasks are prepared.
  }

  async remove(jobId: number): Promise<void> {
    const job = this.jobs.get(jobId);
    if (job) {
      job.removed = true;
      job.stopRequested = true;
      this.queue.remove(job);
      clearTimeout(job.timer);
      await job.launching;
      if (this.jobs.has(jobId)) {
        const gone = new Promise<void>((resolve) => this.removals.set(jobId, resolve));
        for (const task of liveTasks(job)) task.process!.signalGroup('SIGKILL');
        if (liveTasks(job).length === 0) this.finishAttempt(job);
        await gone;
      }
    }
    this.sweep();
    rmSync(this.paths.jobDir(jobId), { recursive: true, force: true });
  }

  usage(): Map<string, VirtualClusterUsage> {
    const usage = new Map<string, VirtualClusterUsage>();
    for (const vc of Object.keys(this.cluster.virtualClusters)) {
      const used = this.capacity.used(vc);
      usage.set(vc, {
        vCores: used.cpus,
        memory: used.memoryMB,
        GPUs: used.gpus,
        runningJobs: 0,
        waitingJobs: 0,
      });
    }
    for (const job of this.jobs.values()) {
      const vc = usage.get(job.vc);
      if (vc && this.capacity.holds(job.id)) vc.runningJobs++;
      else if (vc) vc.waitingJobs++;
    }
    return usage;
  }

  sshInfo(jobId: number, baseUrl: string): SshInfo | null {
    const row = this.store.job(jobId);
    const keyPath = this.privateKeyPath(jobId);
    if (!row || !keyPath) return null;
    const containers = (this.jobs.get(jobId)?.tasks ?? [])
      .filter((task) => task.ssh && task.process?.isRunning)
      .map((task) => ({
        id: task.containerId,
        sshIp: this.ctx.hostIp,
        sshPort: String(task.ports.ssh![0]),
      }));
    return {
      containers,
      keyPair: {
        ...jobKeyPair(this.paths.sshDir(jobId), row.framework_name),
        privateKeyDirectDownloadLink: `${baseUrl}${jobPath(row)}/ssh/private-key`,
      },
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
  ): TaskLog | null {
    const task = this.store
      .tasks(jobId)
      .find((row) => row.task_role === role && row.task_index === index);
    if (!task) return null;
    const taskRunning = task.state === 'RUNNING';
    const taskDir = this.paths.taskDir(jobId, task.attempt, role, index);
    return {
      ...readTaskLog(taskDir, stream, tailBytes ?? (taskRunning ? RUNNING_LOG_TAIL : null)),
      taskRunning,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.sweepTimer);
    const closing: Promise<void>[] = [];
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      for (const task of job.tasks) {
        task.process?.detach();
        if (task.ssh) closing.push(task.ssh.close());
      }
    }
    await Promise.all(closing);
  }

  private requeue(row: RuntimeJobRow): void {
    const job = activeJobFromRow(row);
    if (job.stopRequested) {
      this.store.finish(job.id, job.attempt, stoppedOutcome(), Date.now());
      return;
    }
    ensureJobKeyPair(jobKeyPair(this.paths.sshDir(job.id), job.frameworkName));
    if (this.store.tasks(job.id).length === 0)
      this.store.prepareAttempt(job.id, job.attempt, taskKeys(job.spec));
    this.jobs.set(job.id, job);
    this.queue.add(job);
  }

  /** Takes back a job that was running when the server stopped. */
  private resume({ job, gpus, alive, gone }: RecoveredJob): void {
    this.jobs.set(job.id, job);
    this.capacity.adopt(job.id, job.vc, job.spec, gpus);
    for (const task of job.tasks) {
      if (!task.end)
        for (const port of Object.values(task.ports).flat()) this.ctx.portsInUse.add(port);
    }
    assignEnvironments(this.ctx, job);
    for (const { task, pid } of alive) {
      task.process = TaskProcess.adopt(pid, task.taskDir, this.options.pollIntervalMs, () =>
        this.onTaskExit(job, task),
      );
    }
    for (const task of gone) this.taskEnded(job, task, this.endOf(task));
    if (!this.jobs.has(job.id)) return;
    if (job.outcome) this.terminate(job, 'the job was ending when the server stopped');
    if (liveTasks(job).length === 0) this.finishAttempt(job);
  }

  private async reopenSsh(job: ActiveJob, task: TaskRun): Promise<void> {
    await startSsh(this.ctx, job, [task]).catch(() => undefined);
    if (task.ssh && (this.closed || !task.process?.isRunning)) releaseTask(this.ctx, task);
  }

  private scheduleSoon(): void {
    if (this.schedulePending || this.closed) return;
    this.schedulePending = true;
    setImmediate(() => {
      this.schedulePending = false;
      if (!this.closed) this.schedule();
    });
  }

  /** Starts every queued job that fits now; fails those that never can. */
  private schedule(): void {
    const gpusOf = new Map<number, GpuAssignment>();
    const { started, dropped } = this.queue.take((job) => {
      if (this.capacity.neverFits(job.vc, job.spec)) return 'drop';
      if (!this.capacity.fits(job.vc, job.spec)) return 'wait';
      gpusOf.set(job.id, this.capacity.reserve(job.id, job.vc, job.spec));
      return 'start';
    });
    for (const job of dropped) {
      job.outcome = rejectedOutcome(
        EXIT_CODE.rejected,
        `The job cannot run: ${this.capacity.neverFits(job.vc, job.spec)}.`,
        'user',
      );
      this.finishAttempt(job);
    }
    for (const job of started) {
      job.phase = 'launching';
      job.launching = this.launch(job, gpusOf.get(job.id)!).finally(() => {
        job.launching = null;
      });
    }
  }

  private async launch(job: ActiveJob, gpus: GpuAssignment): Promise<void> {
    try {
      await prepareTasks(this.ctx, job, gpus);
    } catch (error) {
      for (const task of job.tasks) releaseTask(this.ctx, task);
      const end =
        error instanceof LaunchFailure
          ? error.end
          : platformFailure(EXIT_CODE.launchFailed, (error as Error).message);
      job.outcome = job.stopRequested
        ? stoppedOutcome()
        : rejectedOutcome(
            end.exitCode,
            `The job's tasks could not start: ${end.diagnostics}.`,
            'platform',
          );
      if (!this.closed) this.finishAttempt(job);
      return;
    }
    if (this.closed || job.stopRequested) {
      for (const task of job.tasks) releaseTask(this.ctx, task);
      job.outcome = stoppedOutcome();
      if (!this.closed) this.finishAttempt(job);
      return;
    }
    const failed = spawnTasks(this.ctx, job, (task) => this.onTaskExit(job, task));
    this.store.markRunning(
      job.id,
      Date.now(),
      job.tasks.map((task) => ({
        role: task.role,
        index: task.index,
        containerId: task.containerId,
        containerIp: this.ctx.hostIp,
        containerPorts: containerPorts(task.ports),
        containerGpus: gpuBitmask(task.gpus),
        pid: task.process?.pid ?? null,
      })),
    );
    job.phase = 'running';
    for (const { task, end } of failed) this.taskEnded(job, task, end);
    if (job.tasks.length === 0) {
      job.outcome = emptyJobOutcome();
      this.finishAttempt(job);
    }
  }

  private onTaskExit(job: ActiveJob, task: TaskRun): void {
    if (this.closed) return;
    task.process?.signalGroup('SIGKILL');
    this.taskEnded(job, task, this.endOf(task));
  }

  private endOf(task: TaskRun): TaskEnd {
    if (task.stopReason !== null) return stoppedEnd(task.stopReason);
    const record = readExitRecord(task.taskDir);
    if (record) return endFromRecord(record);
    return platformFailure(
      EXIT_CODE.lost,
      'ended without leaving an exit status: its process was killed from outside, or vanished while the server was down',
    );
  }

  private taskEnded(job: ActiveJob, task: TaskRun, end: TaskEnd): void {
    if (task.end) return;
    task.end = end;
    releaseTask(this.ctx, task);
    this.sweepSoon();
    if (!job.removed) {
      let decided: Outcome | null = null;
      if (!job.outcome)
        decided = decideOutcome(job.spec, job.tasks, { role: task.role, index: task.index, end });
      if (decided?.state === 'FAILED' && end.failureKind === 'user') {
        const tail = stderrTail(task.taskDir);
        if (tail) decided.diagnostics += `\nLast lines of its stderr:\n${tail}`;
      }
      this.store.settleTask(job.id, task, end, Date.now(), decided);
      if (decided) {
        job.outcome = decided;
        this.terminate(job, `the job's outcome was decided by task ${taskLabel(task)}`);
      }
    }
    if (liveTasks(job).length === 0) this.finishAttempt(job);
  }

  /** SIGTERM to every live task's process group; SIGKILL to those still there after the grace period. */
  private terminate(job: ActiveJob, why: string): void {
    for (const task of liveTasks(job)) {
      if (task.stopReason !== null) continue;
      task.stopReason = why;
      task.process!.signalGroup('SIGTERM');
    }
    if (job.timer || liveTasks(job).length === 0) return;
    job.timer = setTimeout(() => {
      job.timer = undefined;
      for (const task of liveTasks(job)) task.process!.signalGroup('SIGKILL');
    }, this.options.stopGraceMs);
    job.timer.unref();
  }

  /** All tasks of the attempt are gone: retry it, or record the job's end. */
  private finishAttempt(job: ActiveJob): void {
    clearTimeout(job.timer);
    job.timer = undefined;
    this.capacity.release(job.id);
    this.scheduleSoon();
    if (job.removed) {
      this.jobs.delete(job.id);
      this.removals.get(job.id)?.();
      this.removals.delete(job.id);
      return;
    }
    const outcome =
      job.outcome ??
      rejectedOutcome(EXIT_CODE.lost, 'The job ended without a recorded outcome.', 'platform');
    const now = Date.now();
    if (
      outcome.state === 'FAILED' &&
      !job.stopRequested &&
      mayRetry(job.spec.retryCount, job.retries, outcome.failureKind)
    ) {
      this.store.retry(job.id, job.attempt, outcome, now, taskKeys(job.spec));
      rmSync(this.paths.attemptDir(job.id, job.attempt - 2), { recursive: true, force: true });
      Object.assign(job, {
        attempt: job.attempt + 1,
        retries: job.retries + 1,
        outcome: null,
        tasks: [],
        phase: 'retry-wait',
      });
      job.timer = setTimeout(() => {
        job.timer = undefined;
        job.phase = 'queued';
        this.queue.add(job);
        this.scheduleSoon();
      }, this.options.retryDelayMs);
      return;
    }
    this.store.finish(job.id, job.attempt, outcome, now);
    this.jobs.delete(job.id);
  }

  private sweepSoon(): void {
    if (this.sweepTimer || this.closed) return;
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = undefined;
      if (!this.closed) this.sweep();
    }, SWEEP_DELAY_MS);
    this.sweepTimer.unref();
  }

  /** Kills what ended tasks left behind, even outside their process groups. */
  private sweep(): void {
    const live = new Set(
      [...this.jobs.values()].flatMap((job) => liveTasks(job).map((task) => task.containerId)),
    );
    killStrays(this.paths.containerPrefix(), live);
  }
}

/** The job's URL path: `/api/v1/user/<namespace>/jobs/<name>`, or `/api/v1/jobs/<name>` for a legacy job. */
function jobPath(row: Pick<RuntimeJobRow, 'framework_name'>): string {
  const tilde = row.framework_name.indexOf('~');
  if (tilde < 0) return `/api/v1/jobs/${encodeURIComponent(row.framework_name)}`;
  const namespace = row.framework_name.slice(0, tilde);
  const name = row.framework_name.slice(tilde + 1);
  return `/api/v1/user/${encodeURIComponent(namespace)}/jobs/${encodeURIComponent(name)}`;
}
