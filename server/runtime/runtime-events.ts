import { EventEmitter } from 'node:events';
import type { ActiveJob } from './active-job.ts';

/** Which job a transition is about: its row id and `username~name`. */
export interface JobRef {
  jobId: number;
  job: string;
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
  retried: [JobRef & { attempt: number; exitCode: number; delayMs: number }];
  stopRequested: [JobRef];
  ended: [JobRef & { state: string; exitCode: number; attempt: number }];
  schedulerPass: [SchedulerPass];
}

export class RuntimeEvents extends EventEmitter<RuntimeEventMap> {}

export function jobRef(job: Pick<ActiveJob, 'id' | 'username' | 'name'>): JobRef {
  return { jobId: job.id, job: `${job.username}~${job.name}` };
}
