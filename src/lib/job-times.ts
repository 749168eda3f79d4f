import type { JobState } from '../../contract/api-types.ts';
import { isTerminal } from '../../contract/job-state.ts';

/** The times a job's list item or status carries; `appLaunchedTime` is absent on classic servers. */
export interface JobTimesSource {
  state: JobState;
  createdTime: number;
  completedTime: number | null;
  appLaunchedTime?: number | null;
  imported?: true;
}

/** A span of time, or why there is none ("not started", "unknown: end not recorded"). */
export type Span = { ms: number } | { note: string };

const UNKNOWN_END: Span = { note: 'unknown: end not recorded' };

/** Whether the job was imported and its old cluster never told when (or whether) it ended. */
function endUnknown(job: JobTimesSource): boolean {
  if (isTerminal(job.state)) return job.completedTime === null;
  return job.imported === true;
}

/**
 * Duration counts from the start (launch), not from submission: the queue time is shown apart.
 * A server that does not send the launch time (classic OpenPAI) is measured from submission.
 */
export function runSpan(job: JobTimesSource, now: number): Span {
  if (endUnknown(job)) return UNKNOWN_END;
  const start =
    job.appLaunchedTime === undefined
      ? job.createdTime
      : (job.appLaunchedTime ?? (job.imported ? job.createdTime : null));
  if (start === null) return { note: isTerminal(job.state) ? 'never started' : 'not started' };
  return { ms: Math.max(0, (job.completedTime ?? now) - start) };
}

/** Time between submission and start (or until now while the job waits). */
export function queueSpan(job: JobTimesSource, now: number): Span {
  if (job.appLaunchedTime) return { ms: Math.max(0, job.appLaunchedTime - job.createdTime) };
  if (job.imported) return { note: 'not recorded' };
  if (isTerminal(job.state))
    return { ms: Math.max(0, (job.completedTime ?? now) - job.createdTime) };
  return { ms: Math.max(0, now - job.createdTime) };
}
