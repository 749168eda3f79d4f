import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stoppedOutcome, type Outcome } from '../completion.ts';
import { taskKeys } from '../job-spec.ts';
import type { RuntimeJobRow } from '../runtime-store.ts';
import { ensureJobKeyPair, jobKeyPair } from '../ssh-keys.ts';
import { readJson, slurmIdFile, type Manifest } from './attempt-files.ts';
import { terminate, type SlurmContext } from './slurm-driver.ts';
import { slot, slurmJobFromRow, type SlurmJob } from './slurm-job.ts';

/** The Slurm job id recorded for an attempt, if sbatch answered before the server stopped. */
export function recordedSlurmId(attemptDir: string): number | null {
  try {
    const id = Number.parseInt(readFileSync(slurmIdFile(attemptDir), 'utf8'), 10);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * Takes back a job found unfinished after a restart. Its Slurm job kept running meanwhile; the
 * next poll reads what happened from squeue and the attempt's files. Null when it is settled here.
 */
export function recoverSlurmJob(ctx: SlurmContext, row: RuntimeJobRow): SlurmJob | null {
  const job = slurmJobFromRow(row);
  const attemptDir = ctx.paths.attemptDir(job.id, job.attempt);
  job.slurmId = recordedSlurmId(attemptDir);
  if (row.state === 'WAITING' && job.stopRequested && job.slurmId === null) {
    ctx.store.finish(job.id, job.attempt, stoppedOutcome(), Date.now());
    return null;
  }
  ensureJobKeyPair(jobKeyPair(ctx.paths.sshDir(job.id), job.frameworkName));
  if (ctx.store.tasks(job.id).length === 0)
    ctx.store.prepareAttempt(job.id, job.attempt, taskKeys(job.spec));
  job.launched = row.state === 'RUNNING';
  job.outcome = row.pending_outcome
    ? (JSON.parse(row.pending_outcome) as Outcome)
    : job.stopRequested
      ? stoppedOutcome()
      : null;
  for (const task of ctx.store.tasks(job.id)) {
    if (task.state !== 'SUCCEEDED' && task.state !== 'FAILED' && task.state !== 'STOPPED') continue;
    job.ends.set(slot(task.task_role, task.task_index), {
      state: task.state,
      exitCode: task.container_exit_code ?? 0,
      diagnostics: task.exit_diagnostics ?? '',
      failureKind: null,
    });
  }
  const manifest = readJson<Manifest>(join(attemptDir, 'manifest.json'));
  for (const task of manifest?.tasks ?? []) {
    job.sshPorts.set(slot(task.role, task.index), task.sshPort);
    ctx.portsInUse.add(task.sshPort);
  }
  if (job.launched && job.outcome && job.slurmId !== null) terminate(ctx, job);
  return job;
}
