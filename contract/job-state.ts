import type { ExecutionType, JobState } from './api-types.ts';

/** What a person sees for a job (docs/api.md §5.9, portal display rules). */
export type DisplayState =
  'Waiting' | 'Running' | 'Stopping' | 'Succeeded' | 'Failed' | 'Stopped' | 'Unknown';

export const TERMINAL_JOB_STATES: readonly JobState[] = ['SUCCEEDED', 'FAILED', 'STOPPED'];

export function isTerminal(state: JobState): boolean {
  return TERMINAL_JOB_STATES.includes(state);
}

export function displayState(job: { state: JobState; executionType: ExecutionType }): DisplayState {
  if (job.executionType === 'STOP' && !isTerminal(job.state)) return 'Stopping';
  switch (job.state) {
    case 'WAITING':
      return 'Waiting';
    case 'RUNNING':
      return 'Running';
    case 'STOPPING':
      return 'Stopping';
    case 'SUCCEEDED':
      return 'Succeeded';
    case 'FAILED':
      return 'Failed';
    case 'STOPPED':
      return 'Stopped';
    default:
      return 'Unknown';
  }
}

/** Why a job cannot be stopped, or null when it can. */
export function whyNotStoppable(job: {
  state: JobState;
  executionType: ExecutionType;
}): string | null {
  if (isTerminal(job.state)) return `it has already ended (${displayState(job).toLowerCase()})`;
  if (job.executionType === 'STOP') return 'it is already stopping';
  return null;
}

/** OpenPAI's job-list sort index for states. */
export function stateSortIndex(state: DisplayState): number {
  return ['Waiting', 'Running', 'Stopping', 'Succeeded', 'Failed', 'Stopped'].indexOf(state);
}

/** Duration in ms: (completedTime || now) − createdTime. */
export function jobDuration(
  job: { createdTime: number; completedTime: number | null },
  now = Date.now(),
): number {
  return Math.max(0, (job.completedTime ?? now) - job.createdTime);
}

/** Magic exit codes from OpenPAI's launcher. */
export const EXIT_CODE_STOP_REQUESTED = -7351;
export const EXIT_CODE_TASK_STOPPED_ON_COMPLETION = -7400;
