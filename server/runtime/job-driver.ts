import { rmSync } from 'node:fs';
import { liveTasks, taskLabel, type ActiveJob, type TaskRun } from './active-job.ts';
import type { Capacity, GpuAssignment } from './capacity.ts';
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
import type { RuntimeOptions } from './options.ts';
import type { RuntimePaths } from './paths.ts';
import { attemptEnd, jobRef, RuntimeEvents } from './runtime-events.ts';
import type { RuntimeStore } from './runtime-store.ts';
import { EXIT_CODE, platformFailure, type TaskEnd } from './task-end.ts';
import { endOfTask, sweepStrays } from './task-exit.ts';
import {
  launchRefusal,
  LaunchFailure,
  prepareTasks,
  releaseTask,
  spawnTasks,
  startedTaskRows,
  type LaunchContext,
} from './task-launch.ts';
import { STDERR_TAIL_HEADING, stderrTail } from './task-logs.ts';
import { isStoreError, recordFailure } from './record-failure.ts';

const SWEEP_DELAY_MS = 200;

/**
 * Moves jobs through their lives: queue → launch → running → completion, retry or end, and
 * writes each step to the store. Every change of state happens on the event loop, in order.
 */
export class JobDriver {
  readonly jobs = new Map<number, ActiveJob>();
  readonly queue = new JobQueue();
  readonly events = new RuntimeEvents();
  closed = false;
  private readonly removals = new Map<number, () => void>();
  private schedulePending = false;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: RuntimeStore,
    private readonly paths: RuntimePaths,
    readonly capacity: Capacity,
    private readonly options: RuntimeOptions,
    readonly ctx: LaunchContext,
  ) {}

  /** SIGKILLs a job marked `removed`; resolves once none of its tasks is left. */
  killForRemoval(job: ActiveJob): Promise<void> {
    if (!this.jobs.has(job.id)) return Promise.resolve();
    const gone = new Promise<void>((resolve) => this.removals.set(job.id, resolve));
    for (const task of liveTasks(job)) task.process!.signalGroup('SIGKILL');
    if (liveTasks(job).length === 0) this.finishAttempt(job);
    return gone;
  }

  /** Stops tracking; task processes keep running. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.sweepTimer);
    // A launch under way records its tasks before the store closes; they keep running.
    await Promise.all([...this.jobs.values()].map((job) => job.launching));
    this.ctx.spawner.close();
    const closing: Promise<void>[] = [];
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      for (const task of job.tasks) {
        task.process?.detach();
        if (task.ssh) closing.push(task.ssh.close());
      }
    }
    await Promise.all(closing);
    this.ctx.isolation?.cgroups?.removeUnused();
  }

  scheduleSoon(): void {
    if (this.schedulePending || this.closed) return;
    this.schedulePending = true;
    setImmediate(() => {
      this.schedulePending = false;
      if (this.closed) return;
      // Nothing thrown from a timer may end the server; each job's errors are its own (below).
      try {
        this.schedule();
      } catch (error) {
        console.error(`The job scheduler failed: ${(error as Error)?.message ?? String(error)}`);
      }
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
    this.events.emit('schedulerPass', {
      started: started.map(({ id }) => id),
      waiting: this.queue.ids(),
    });
    // No retry: the next attempt would be refused the same way, again and again.
    for (const job of dropped) {
      const outcome = rejectedOutcome(
        EXIT_CODE.rejected,
        `The job cannot run: ${this.capacity.neverFits(job.vc, job.spec)}.`,
        'user',
      );
      this.contain(job, 'being refused', () => this.end(job, outcome));
    }
    for (const job of started)
      this.contain(job, 'starting its tasks', () => this.start(job, gpusOf.get(job.id)!));
  }

  private start(job: ActiveJob, gpus: GpuAssignment): void {
    const refusal = launchRefusal(this.ctx, () => this.store.ownerIsAdmin(job.id));
    if (refusal) return this.end(job, rejectedOutcome(EXIT_CODE.rejected, refusal, 'user'));
    job.phase = 'launching';
    job.launching = this.launch(job, gpus)
      .catch((error: unknown) => this.fail(job, 'starting its tasks', error))
      .finally(() => {
        job.launching = null;
      });
  }

  /** Ends the job now with `outcome`, no retry (nothing a retry could change), recorded once the store can be written. */
  private end(job: ActiveJob, outcome: Outcome): void {
    job.outcome = outcome;
    this.capacity.release(job.id);
    this.jobs.delete(job.id);
    recordFailure(this.store, job.id, job.attempt, outcome, () => !this.closed);
    this.events.emit('ended', attemptEnd(job, outcome));
    this.scheduleSoon();
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
    const failed = await spawnTasks(this.ctx, job);
    // From here to the job being RUNNING nothing waits: a task that already ended is seen after.
    for (const task of job.tasks) task.process?.watch(() => this.onTaskExit(job, task));
    this.store.markRunning(job.id, Date.now(), startedTaskRows(this.ctx, job));
    job.phase = 'running';
    this.events.emit('started', { ...jobRef(job), attempt: job.attempt });
    for (const { task, end } of failed) this.taskEnded(job, task, end);
    if (job.tasks.length === 0) {
      job.outcome = emptyJobOutcome();
      this.finishAttempt(job);
    } else if (job.stopRequested && liveTasks(job).length > 0 && !this.closed)
      this.stopRunning(job);
  }

  /** Stops a running job's tasks (a stop asked for now, or while they were being started). */
  stopRunning(job: ActiveJob): void {
    // A stop replaces a failure that would have been retried; a decided end stands.
    const retrying =
      job.outcome?.state === 'FAILED' &&
      mayRetry(job.spec.retryCount, job.retries, job.outcome.failureKind);
    if (!job.outcome || retrying) job.outcome = stoppedOutcome();
    this.terminate(job, 'the job was asked to stop');
    if (liveTasks(job).length === 0)
      this.contain(job, 'being stopped', () => this.finishAttempt(job));
  }

  onTaskExit(job: ActiveJob, task: TaskRun): void {
    if (this.closed) return;
    try {
      task.process?.signalGroup('SIGKILL');
      this.taskEnded(job, task, this.endOf(job, task));
    } catch (error) {
      this.fail(job, 'ending a task', error);
    }
  }

  /** Runs one step of a job's life; an error there is that job's failure (see `fail`). */
  contain(job: ActiveJob, stage: string, step: () => unknown): void {
    try {
      step();
    } catch (error) {
      this.fail(job, stage, error);
    }
  }

  /**
   * Any error in a job's life ends that job FAILED with the error in words (STOPPED when a stop
   * was asked for), never the server: its tasks are killed, its resources freed, and the end
   * recorded once the store can be written (or by recovery at the next start).
   */
  fail(job: ActiveJob, stage: string, error: unknown): void {
    const reason = `The job failed while ${stage}: ${(error as Error)?.message ?? String(error)}.`;
    // The store could not take an end already decided (a full disk): that end is recorded later.
    const decided = job.outcome && isStoreError(error) ? job.outcome : null;
    job.outcome = job.stopRequested
      ? stoppedOutcome()
      : (decided ?? rejectedOutcome(EXIT_CODE.launchFailed, reason, 'platform'));
    // From here on the job's callbacks only clean up (taskEnded and finishAttempt skip the store).
    job.removed = true;
    this.queue.remove(job);
    clearTimeout(job.timer);
    for (const task of liveTasks(job)) task.process!.signalGroup('SIGKILL');
    for (const task of job.tasks) releaseTask(this.ctx, task);
    this.capacity.release(job.id);
    if (liveTasks(job).length === 0) this.jobs.delete(job.id);
    recordFailure(this.store, job.id, job.attempt, job.outcome, () => !this.closed);
    this.scheduleSoon();
  }

  endOf(job: ActiveJob, task: TaskRun): TaskEnd {
    return endOfTask(job, task);
  }

  taskEnded(job: ActiveJob, task: TaskRun, end: TaskEnd): void {
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
        if (tail) decided.diagnostics += `${STDERR_TAIL_HEADING}${tail}`;
      }
      const unenforced = this.ctx.isolation?.info.unenforcedLimits ?? [];
      if (decided && unenforced.length > 0)
        decided.diagnostics += `\nThis machine did not enforce ${unenforced.join('; ')}.`;
      this.store.settleTask(job.id, task, end, Date.now(), decided);
      if (decided) {
        job.outcome = decided;
        this.terminate(job, `the job's outcome was decided by task ${taskLabel(task)}`);
      }
    }
    if (liveTasks(job).length === 0) this.finishAttempt(job);
  }

  /** SIGTERM to every live task's process group; SIGKILL to those still there after the grace period. */
  terminate(job: ActiveJob, why: string): void {
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
  finishAttempt(job: ActiveJob): void {
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
      this.events.emit('retried', {
        ...attemptEnd(job, outcome),
        delayMs: this.options.retryDelayMs,
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
    this.events.emit('ended', attemptEnd(job, outcome));
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
  sweep(): void {
    sweepStrays(this.jobs.values(), this.paths, this.ctx.isolation?.cgroups);
  }
}
