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
import { sbatch, scancel } from './slurm-cli.ts';
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
}

export const slurmJobName = (paths: RuntimePaths, job: Pick<SlurmJob, 'id' | 'attempt'>) =>
  `pai-${paths.tag}-${job.id}-${job.attempt}`;

/** Writes the attempt's manifest and batch script and submits it with sbatch. */
export async function submitAttempt(ctx: SlurmContext, job: SlurmJob): Promise<void> {
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
  try {
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
    const name = slurmJobName(ctx.paths, job);
    job.slurmId = await sbatch(
      batchScript({ name, partition, attemptDir, spec: job.spec }),
      attemptDir,
    );
    writeFileSync(slurmIdFile(attemptDir), `${job.slurmId}\n`);
    if (job.stopRequested) await scancel(job.slurmId);
  } catch (error) {
    for (const port of job.sshPorts.values()) ctx.portsInUse.delete(port);
    job.outcome = job.stopRequested
      ? stoppedOutcome()
      : rejectedOutcome(
          EXIT_CODE.rejected,
          `Slurm did not take the job: ${(error as Error).message}`,
          'user',
        );
    finishAttempt(ctx, job);
  } finally {
    job.submitting = false;
  }
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
      if (!job.stopRequested) void submitAttempt(ctx, job);
      else {
        job.outcome = stoppedOutcome();
        finishAttempt(ctx, job);
      }
    }, ctx.options.retryDelayMs);
    return;
  }
  ctx.store.finish(job.id, job.attempt, outcome, now);
  ctx.jobs.delete(job.id);
  ctx.events.emit('ended', attemptEnd(job, outcome));
}
