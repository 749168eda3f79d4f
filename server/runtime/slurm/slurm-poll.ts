import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gpuBitmask } from '../capacity.ts';
import { taskKeys } from '../job-spec.ts';
import { containerPorts } from '../ports.ts';
import { jobRef } from '../runtime-events.ts';
import { readEnds, readJson, type Rendezvous } from './attempt-files.ts';
import { pendingReason, slurmJobEnded, squeueByName, type SlurmJobState } from './slurm-cli.ts';
import {
  failJob,
  recordEnd,
  settleAttempt,
  slurmJobName,
  taskEnded,
  type SlurmContext,
} from './slurm-driver.ts';
import { slot, type SlurmJob } from './slurm-job.ts';
import type { SlurmStore } from './slurm-store.ts';

/** One look at Slurm and at the attempts' files; every change of a job's state happens here. */
export async function pollOnce(
  ctx: SlurmContext,
  slurmStore: SlurmStore,
  openSsh: (job: SlurmJob) => Promise<void>,
): Promise<void> {
  const watched = [...ctx.jobs.values()].filter((job) => !job.submitting && !job.removed);
  if (watched.length === 0) return;
  const states = await squeueByName(watched.map((job) => slurmJobName(ctx.paths, job)));
  for (const job of watched) {
    if (job.submitting || !ctx.jobs.has(job.id)) continue;
    const state = states.get(slurmJobName(ctx.paths, job));
    if (state && job.slurmId === null) job.slurmId = state.id;
    // One job's error is that job's failure; the poll goes on with the others.
    await observe(ctx, slurmStore, job, state, openSsh).catch((error: unknown) =>
      failJob(ctx, job, 'being followed', error),
    );
  }
}

async function observe(
  ctx: SlurmContext,
  slurmStore: SlurmStore,
  job: SlurmJob,
  state: SlurmJobState | undefined,
  openSsh: (job: SlurmJob) => Promise<void>,
): Promise<void> {
  const attemptDir = ctx.paths.attemptDir(job.id, job.attempt);
  if (!state && job.slurmId === null) return; // Submitted by nobody yet (recovery submits it).
  if (state?.state === 'PENDING') {
    const reason = `Waiting in Slurm: ${pendingReason(state.reason, state.partition)}.`;
    if (reason !== job.lastReason) slurmStore.waitingReason(job.id, reason);
    job.lastReason = reason;
    return;
  }
  const started =
    state?.state === 'RUNNING' ||
    state?.state === 'COMPLETING' ||
    readEnds(attemptDir).length > 0 ||
    taskKeys(job.spec).some(({ role, index }) =>
      existsSync(join(ctx.paths.taskDir(job.id, job.attempt, role, index), 'rendezvous.json')),
    );
  if (!job.launched && started) {
    slurmStore.waitingReason(job.id, null);
    ctx.store.markRunning(
      job.id,
      Date.now(),
      taskKeys(job.spec).map(({ role, index }) => ({
        role,
        index,
        containerId: ctx.paths.containerId(job.id, job.attempt, role, index),
        containerIp: '',
        containerPorts: {},
        containerGpus: 0,
        pid: null,
      })),
    );
    job.launched = true;
    ctx.events.emit('started', { ...jobRef(job), attempt: job.attempt });
  }
  if (job.launched && !job.rendezvous) await placeTasks(ctx, slurmStore, job, openSsh);
  for (const line of readEnds(attemptDir)) {
    if (line.kind === 'end') taskEnded(ctx, job, line.role, line.index, recordEnd(line.record));
    if (!ctx.jobs.has(job.id)) return;
  }
  if (!state || slurmJobEnded(state.state)) settleAttempt(ctx, job, state?.state ?? 'gone');
}

/** Once every task reached the rendezvous: record node, ports and GPUs, and open SSH. */
async function placeTasks(
  ctx: SlurmContext,
  slurmStore: SlurmStore,
  job: SlurmJob,
  openSsh: (job: SlurmJob) => Promise<void>,
): Promise<void> {
  const found = new Map<string, Rendezvous>();
  for (const { role, index } of taskKeys(job.spec)) {
    const taskDir = ctx.paths.taskDir(job.id, job.attempt, role, index);
    const rendezvous = readJson<Rendezvous>(join(taskDir, 'rendezvous.json'));
    if (!rendezvous) return;
    found.set(slot(role, index), rendezvous);
  }
  job.rendezvous = found;
  for (const { role, index } of taskKeys(job.spec)) {
    const place = found.get(slot(role, index))!;
    slurmStore.taskPlacement(job.id, {
      role,
      index,
      ip: place.ip,
      ports: JSON.stringify(containerPorts(place.ports)),
      gpus: gpuBitmask(place.gpus.map(Number)),
    });
  }
  await openSsh(job);
}
