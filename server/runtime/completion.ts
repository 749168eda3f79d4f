import { EXIT_CODE_STOP_REQUESTED } from '../../contract/job-state.ts';
import { roleOf, type JobSpec, type TaskKey } from './job-spec.ts';
import type { FailureKind, TaskEnd } from './task-end.ts';
import { counted } from '../../contract/words.ts';

/** How an attempt ends: the job's final state unless a failed attempt is retried. */
export interface Outcome {
  state: 'SUCCEEDED' | 'FAILED' | 'STOPPED';
  exitCode: number;
  /** What decided the outcome and why, in words. */
  diagnostics: string;
  triggerMessage: string;
  triggerRole: string | null;
  triggerIndex: number | null;
  failureKind: FailureKind | null;
  /** OpenPAI job-exit-spec `type`. */
  exitType:
    | 'USER_SUCCESS'
    | 'USER_STOP'
    | 'USER_FAILURE'
    | 'PLATFORM_FAILURE'
    | 'RESOURCE_ALLOCATION_TIMEOUT';
}

export interface TaskState extends TaskKey {
  end: TaskEnd | null;
}

const taskName = (task: TaskKey) => `${task.role}[${task.index}]`;

/**
 * OpenPAI's completion policy, checked when `ended` ends: a role reaching `minFailedTaskCount`
 * failed tasks fails the attempt; one reaching `minSucceededTaskCount` succeeded tasks succeeds it;
 * otherwise it succeeds once every task has ended. Null while the attempt goes on.
 */
export function decideOutcome(
  spec: JobSpec,
  tasks: TaskState[],
  ended: TaskKey & { end: TaskEnd },
): Outcome | null {
  const role = roleOf(spec, ended.role);
  const inRole = tasks.filter((task) => task.role === ended.role);
  const count = (state: TaskEnd['state']) =>
    inRole.filter((task) => task.end?.state === state).length;
  const trigger = { triggerRole: ended.role, triggerIndex: ended.index };
  const what = `Task ${taskName(ended)} ${ended.end.diagnostics}`;

  if (
    ended.end.state === 'FAILED' &&
    role.minFailedTaskCount !== null &&
    count('FAILED') >= role.minFailedTaskCount
  ) {
    const why = `${counted(count('FAILED'), 'task')} of role ${role.name} failed, reaching its minFailedTaskCount of ${role.minFailedTaskCount}`;
    return {
      state: 'FAILED',
      exitCode: ended.end.exitCode,
      diagnostics: `${what}. ${why}, so the job failed.`,
      triggerMessage: `${why}; triggered by task ${taskName(ended)}.`,
      ...trigger,
      failureKind: ended.end.failureKind ?? 'user',
      exitType: ended.end.failureKind === 'platform' ? 'PLATFORM_FAILURE' : 'USER_FAILURE',
    };
  }
  if (
    ended.end.state === 'SUCCEEDED' &&
    role.minSucceededTaskCount !== null &&
    count('SUCCEEDED') >= role.minSucceededTaskCount
  ) {
    const why = `${counted(count('SUCCEEDED'), 'task')} of role ${role.name} succeeded, reaching its minSucceededTaskCount of ${role.minSucceededTaskCount}`;
    return {
      state: 'SUCCEEDED',
      exitCode: 0,
      diagnostics: `${what}. ${why}, so the job succeeded.`,
      triggerMessage: `${why}; triggered by task ${taskName(ended)}.`,
      ...trigger,
      failureKind: null,
      exitType: 'USER_SUCCESS',
    };
  }
  if (tasks.every((task) => task.end !== null)) {
    const failed = tasks.filter((task) => task.end?.state === 'FAILED').length;
    const why = `All ${counted(tasks.length, 'task')} ended (${failed} failed) and no task role reached its minFailedTaskCount or minSucceededTaskCount`;
    return {
      state: 'SUCCEEDED',
      exitCode: 0,
      diagnostics: `${why}, so the job succeeded. The last one: task ${taskName(ended)} ${ended.end.diagnostics}.`,
      triggerMessage: `${why}; the last task to end was ${taskName(ended)}.`,
      ...trigger,
      failureKind: null,
      exitType: 'USER_SUCCESS',
    };
  }
  return null;
}

export const stoppedOutcome = (): Outcome => ({
  state: 'STOPPED',
  exitCode: EXIT_CODE_STOP_REQUESTED,
  diagnostics: 'The job was stopped on request (executionType STOP).',
  triggerMessage: 'Stop requested.',
  triggerRole: null,
  triggerIndex: null,
  failureKind: null,
  exitType: 'USER_STOP',
});

/** A job that can never start, or whose tasks could not be started. */
export const rejectedOutcome = (
  exitCode: number,
  diagnostics: string,
  failureKind: FailureKind,
): Outcome => ({
  state: 'FAILED',
  exitCode,
  diagnostics,
  triggerMessage: diagnostics,
  triggerRole: null,
  triggerIndex: null,
  failureKind,
  exitType: failureKind === 'platform' ? 'PLATFORM_FAILURE' : 'USER_FAILURE',
});

/** Whether a failed attempt is followed by another: `retryCount` more (-2: always; -1: platform failures only). */
export function mayRetry(
  retryCount: number,
  retriesSoFar: number,
  kind: FailureKind | null,
): boolean {
  if (retryCount === -2) return true;
  if (retryCount === -1) return kind === 'platform' || kind === 'resource';
  return retriesSoFar < retryCount;
}

/** A job whose task roles all have `taskNumber: 0` has nothing to run. */
export const emptyJobOutcome = (): Outcome => ({
  state: 'SUCCEEDED',
  exitCode: 0,
  diagnostics:
    'The job has no task instances (every task role has taskNumber 0), so it succeeded at once.',
  triggerMessage: 'No task instances.',
  triggerRole: null,
  triggerIndex: null,
  failureKind: null,
  exitType: 'USER_SUCCESS',
});
