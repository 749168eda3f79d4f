import type { Outcome } from '../completion.ts';
import { parseJobSpec, type JobSpec } from '../job-spec.ts';
import type { RuntimeJobRow } from '../runtime-store.ts';
import type { TaskSshServer } from '../ssh-server.ts';
import type { TaskEnd } from '../task-end.ts';
import type { Rendezvous } from './attempt-files.ts';

/** A job the Slurm backend is responsible for, from enqueue until it has ended. */
export interface SlurmJob {
  id: number;
  frameworkName: string;
  name: string;
  username: string;
  vc: string;
  spec: JobSpec;
  attempt: number;
  retries: number;
  stopRequested: boolean;
  removed: boolean;
  /** Slurm's id of the current attempt, once sbatch has answered (or squeue found it). */
  slurmId: number | null;
  submitting: boolean;
  /** The job row says RUNNING for this attempt. */
  launched: boolean;
  /** Tasks' node, ports and GPUs, once every task has reached the rendezvous. */
  rendezvous: Map<string, Rendezvous> | null;
  outcome: Outcome | null;
  ends: Map<string, TaskEnd>;
  ssh: Map<string, TaskSshServer>;
  sshPorts: Map<string, number>;
  lastReason: string | null;
  timer: NodeJS.Timeout | undefined;
}

export const slot = (role: string, index: number): string => `${role}/${index}`;

export function slurmJobFromRow(row: RuntimeJobRow): SlurmJob {
  return {
    id: row.id,
    frameworkName: row.framework_name,
    name: row.name,
    username: row.username,
    vc: row.virtual_cluster,
    spec: parseJobSpec(row.config_json ?? '{}'),
    attempt: row.attempt,
    retries: row.retries,
    stopRequested: row.execution_type === 'STOP',
    removed: false,
    slurmId: null,
    submitting: false,
    launched: false,
    rendezvous: null,
    outcome: null,
    ends: new Map(),
    ssh: new Map(),
    sshPorts: new Map(),
    lastReason: null,
    timer: undefined,
  };
}

/** Resets a job for its next attempt. */
export function nextAttempt(job: SlurmJob): void {
  Object.assign(job, {
    attempt: job.attempt + 1,
    retries: job.retries + 1,
    slurmId: null,
    launched: false,
    rendezvous: null,
    outcome: null,
    ends: new Map(),
    sshPorts: new Map(),
    lastReason: null,
  });
}
