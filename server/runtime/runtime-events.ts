import { EventEmitter } from 'node:events';
import type { ActiveJob } from './active-job.ts';
import type { Outcome } from './completion.ts';

/** Which job a transition is about: its row id and `username~name`. */
export interface JobRef {
  jobId: number;
  job: string;
}

/** How an attempt of a job ended. */
export interface AttemptEnd extends JobRef {
  attempt: number;
  state: string;
  exitCode: number;
}

/** A pass of the scheduler over the queue: the jobs it started and those still waiting. */
export interface SchedulerPass {
  started: number[];
  waiting: number[];
}

/**
 * What the runtime tells the rest of the server as jobs move: the server logs these, and tests
 * await them instead of sleeping ("the scheduler looked at the queue and still did not start X").
 */
export interface RuntimeEventMap {
  queued: [JobRef & { attempt: number }];
  started: [JobRef & { attempt: number }];
  retried: [AttemptEnd & { delayMs: number }];
  stopRequested: [JobRef];
  ended: [AttemptEnd];
  schedulerPass: [SchedulerPass];
}

export class RuntimeEvents extends EventEmitter<RuntimeEventMap> {}

export function jobRef(job: Pick<ActiveJob, 'id' | 'username' | 'name'>): JobRef {
  return { jobId: job.id, job: `${job.username}~${job.name}` };
}

export function attemptEnd(
  job: Pick<ActiveJob, 'id' | 'username' | 'name' | 'attempt'>,
  outcome: Outcome,
): AttemptEnd {
  return { ...jobRef(job), attempt: job.attempt, state: outcome.state, exitCode: outcome.exitCode };
}
