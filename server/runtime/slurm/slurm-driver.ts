import { rmSync, writeFileSync } from 'node:fs';
import {
  decideOutcome,
  emptyJobOutcome,
  mayRetry,
  rejectedOutcome,
  stoppedOutcome,
} from '../completion.ts';
import { taskKeys } from '../job-spec.ts';
import type { RuntimeOptions } from '../options.ts';
import type { RuntimePaths } from '../paths.ts';
import { allocatePorts } from '../ports.ts';
import { attemptEnd, type RuntimeEvents } from '../runtime-events.ts';
import type { RuntimeStore } from '../runtime-store.ts';
import {
  EXIT_CODE,
  endFromRecord,
  platformFailure,
  stoppedEnd,
  type TaskEnd,
} from '../task-end.ts';
import { taskEnvironment } from '../task-env.ts';
import { STDERR_TAIL_HEADING, stderrTail } from '../task-logs.ts';
import {
  batchScript,
  manifestFor,
  slurmIdFile,
  writeAttempt,
  writeStop,
  type ManifestTask,
} from './attempt-files.ts';
import { isStoreError, recordFailure } from '../record-failure.ts';
import { sbatch, scancel, scancelByName } from './slurm-cli.ts';
import { nextAttempt, slot, type SlurmJob } from './slurm-job.ts';

export interface SlurmContext {
  store: RuntimeStore;
  paths: RuntimePaths;
  options: RuntimeOptions;
  partitions: Record<string, string>;
  nodeAddrs: Record<string, string>;
  bindHost: string;
  portsInUse: Set<number>;
  jobs: Map<number, SlurmJob>;
  /** The same transitions as the local runtime's (runtime-events.ts), but no scheduler passes. */
  events: RuntimeEvents;
  closeSsh(job: SlurmJob): void;
  /** True once the runtime is closed: nothing more is recorded. */
  closed(): boolean;
}

export const slurmJobName = (paths: RuntimePaths, job: Pick<SlurmJob, 'id' | 'attempt'>) =>
  `pai-${paths.tag}-${job.id}-${job.attempt}`;

/** Submits the job's current attempt; any error that is not Slurm's answer fails the job alone. */
export function submit(ctx: SlurmContext, job: SlurmJob): void {
  submitAttempt(ctx, job).catch((error: unknown) => failJob(ctx, job, 'starting its tasks', error));
}

/**
 * Any error in a job's life ends that job FAILED with the stage and the error in words (STOPPED
 * when a stop was asked for), never the server: its Slurm job is cancelled, its SSH endpoints and
 * ports freed, and its end recorded once the store can be written. When only the store's write
 * failed, the end already decided is the one recorded.
 */
export function failJob(ctx: SlurmContext, job: SlurmJob, stage: string, error: unknown): void {
  const reason = `The job failed while ${stage}: ${(error as Error)?.message ?? String(error)}.`;
  const decided = job.outcome && isStoreError(error) ? job.outcome : null;
  const outcome = job.stopRequested
    ? stoppedOutcome()
    : (decided ?? rejectedOutcome(EXIT_CODE.launchFailed, reason, 'platform'));
  job.outcome = outcome;
  // From here on the job's callbacks only clean up.
  job.removed = true;
  clearTimeout(job.timer);
  job.timer = undefined;
  // Its id is unknown when the job came back from a row that did not parse, or lost its files.
  void (job.slurmId !== null ? scancel(job.slurmId) : scancelByName(slurmJobName(ctx.paths, job)));
  try {
    ctx.closeSsh(job);
  } catch {
    // Its SSH endpoints are closing already.
  }
  for (const port of job.sshPorts.values()) ctx.portsInUse.delete(port);
  ctx.jobs.delete(job.id);
  recordFailure(ctx.store, job.id, job.attempt, outcome, () => !ctx.closed());
}

/** Writes the attempt's manifest and batch script and submits it with sbatch. */
async function submitAttempt(ctx: SlurmContext, job: SlurmJob): Promise<void> {
  const keys = taskKeys(job.spec);
  if (keys.length === 0) {
    job.outcome = emptyJobOutcome();
    return finishAttempt(ctx, job);
  }
  const partition = ctx.partitions[job.vc];
  if (!partition) {
    job.outcome = rejectedOutcome(
      EXIT_CODE.rejected,
      `The job cannot run: virtual cluster ${job.vc} has no Slurm partition.`,
      'user',
    );
    return finishAttempt(ctx, job);
  }
  job.submitting = true;
  let attemptDir: string;
  try {
    attemptDir = await writeAttemptFiles(ctx, job);
  } catch (error) {
    // Not Slurm's answer: the server could not write the attempt (the caller fails the job).
    job.submitting = false;
    throw error;
  }
  let slurmId: number;
  try {
    const name = slurmJobName(ctx.paths, job);
    slurmId = await sbatch(
      batchScript({ name, partition, attemptDir, spec: job.spec }),
      attemptDir,
    );
  } catch (error) {
    job.submitting = false;
    for (const port of job.sshPorts.values()) ctx.portsInUse.delete(port);
    job.outcome = job.stopRequested
      ? stoppedOutcome()
      : rejectedOutcome(
          EXIT_CODE.rejected,
          `Slurm did not take the job: ${(error as Error).message}`,
          'user',
        );
    return finishAttempt(ctx, job);
  }
  // Slurm has it: from here an error fails the job, which cancels its Slurm job.
  job.slurmId = slurmId;
  try {
    writeFileSync(slurmIdFile(attemptDir), `${slurmId}\n`);
    if (job.stopRequested || job.removed) await scancel(slurmId);
  } finally {
    job.submitting = false;
  }
}

/** The attempt's ssh ports, manifest and task directories; returns the attempt's directory. */
async function writeAttemptFiles(ctx: SlurmContext, job: SlurmJob): Promise<string> {
  const keys = taskKeys(job.spec);
  const sshPorts = await allocatePorts(
    ctx.bindHost,
    keys.map(() => [{ label: 'ssh', beginAt: 0, portNumber: 1 }]),
    ctx.portsInUse,
  );
  const attemptDir = ctx.paths.attemptDir(job.id, job.attempt);
  const tasks: ManifestTask[] = keys.map(({ role, index }, i) => {
    const spec = job.spec.taskRoles.find((candidate) => candidate.name === role)!;
    const taskDir = ctx.paths.taskDir(job.id, job.attempt, role, index);
    const containerId = ctx.paths.containerId(job.id, job.attempt, role, index);
    const workDir = ctx.paths.workDir(taskDir);
    job.sshPorts.set(slot(role, index), sshPorts[i]!.ssh![0]!);
    const env = taskEnvironment(
      {
        jobName: job.name,
        username: job.username,
        virtualCluster: job.vc,
        spec: job.spec,
        hostIp: '',
        ports: new Map(),
        role,
        index,
        gpuIndices: [],
        containerId,
        workDir,
      },
      {},
    );
    return {
      role,
      index,
      taskDir,
      workDir,
      containerId,
      command: spec.command,
      gpuNumber: spec.gpuNumber,
      sshPort: sshPorts[i]!.ssh![0]!,
      ports: spec.portList,
      env,
    };
  });
  writeAttempt(
    attemptDir,
    manifestFor(job.spec, tasks, {
      logMaxBytes: ctx.options.logMaxBytes,
      graceMs: ctx.options.stopGraceMs,
      nodeAddrs: ctx.nodeAddrs,
    }),
  );
  return attemptDir;
}

/** SIGTERM to every task now; the batch script (and a timer here) SIGKILL after the grace period. */
export function terminate(ctx: SlurmContext, job: SlurmJob): void {
  if (job.slurmId === null) return;
  const id = job.slurmId;
  writeStop(ctx.paths.attemptDir(job.id, job.attempt), ctx.options.stopGraceMs);
  void scancel(id, 'TERM');
  clearTimeout(job.timer);
  job.timer = setTimeout(() => void scancel(id), ctx.options.stopGraceMs + 500);
  job.timer.unref();
}

/** A task's end from the end hook's log; once the outcome is decided, later ends are stops. */
export function taskEnded(
  ctx: SlurmContext,
  job: SlurmJob,
  role: string,
  index: number,
  end: TaskEnd,
): void {
  const key = slot(role, index);
  if (job.ends.has(key)) return;
  const why = job.stopRequested ? 'the job was asked to stop' : "the job's outcome was decided";
  const final = job.outcome ? stoppedEnd(why) : end;
  job.ends.set(key, final);
  const closing = job.ssh.get(key);
  job.ssh.delete(key);
  void closing?.close();
  if (job.removed) return;
  const states = taskKeys(job.spec).map((task) => ({
    ...task,
    end: job.ends.get(slot(task.role, task.index)) ?? null,
  }));
  const decided = job.outcome ? null : decideOutcome(job.spec, states, { role, index, end: final });
  if (decided?.state === 'FAILED' && final.failureKind === 'user') {
    const tail = stderrTail(ctx.paths.taskDir(job.id, job.attempt, role, index));
    if (tail) decided.diagnostics += `${STDERR_TAIL_HEADING}${tail}`;
  }
  ctx.store.settleTask(job.id, { role, index }, final, Date.now(), decided);
  if (decided) {
    job.outcome = decided;
    if (job.ends.size < states.length) terminate(ctx, job);
  }
}

export const recordEnd = (record: Parameters<typeof endFromRecord>[0] | null): TaskEnd =>
  record
    ? endFromRecord(record)
    : platformFailure(EXIT_CODE.lost, 'ended without leaving an exit status');

/** The Slurm job is gone: tasks with no end are settled, then the attempt is retried or ends. */
export function settleAttempt(ctx: SlurmContext, job: SlurmJob, slurmState: string): void {
  for (const { role, index } of taskKeys(job.spec)) {
    if (job.ends.has(slot(role, index))) continue;
    taskEnded(
      ctx,
      job,
      role,
      index,
      platformFailure(
        EXIT_CODE.lost,
        `ended without leaving an exit status: the Slurm job ${job.slurmId} ended as ${slurmState}`,
      ),
    );
  }
  finishAttempt(ctx, job);
}

export function finishAttempt(ctx: SlurmContext, job: SlurmJob): void {
  clearTimeout(job.timer);
  job.timer = undefined;
  ctx.closeSsh(job);
  for (const port of job.sshPorts.values()) ctx.portsInUse.delete(port);
  if (job.removed) {
    ctx.jobs.delete(job.id);
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
    ctx.store.retry(job.id, job.attempt, outcome, now, taskKeys(job.spec));
    rmSync(ctx.paths.attemptDir(job.id, job.attempt - 2), { recursive: true, force: true });
    nextAttempt(job);
    ctx.events.emit('retried', { ...attemptEnd(job, outcome), delayMs: ctx.options.retryDelayMs });
    job.submitting = true;
    job.timer = setTimeout(() => {
      job.timer = undefined;
      job.submitting = false;
      if (!job.stopRequested) return submit(ctx, job);
      job.outcome = stoppedOutcome();
      try {
        finishAttempt(ctx, job);
      } catch (error) {
        failJob(ctx, job, 'being stopped', error);
      }
    }, ctx.options.retryDelayMs);
    return;
  }
  ctx.store.finish(job.id, job.attempt, outcome, now);
  ctx.jobs.delete(job.id);
  ctx.events.emit('ended', attemptEnd(job, outcome));
}
