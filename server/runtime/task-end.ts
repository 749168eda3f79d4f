import { constants } from 'node:os';
import { EXIT_CODE_TASK_STOPPED_ON_COMPLETION } from '../../contract/job-state.ts';

/** Which retry counter a failure adds to (`retryDetails`). */
export type FailureKind = 'user' | 'platform' | 'resource';

/** How one task instance ended. */
export interface TaskEnd {
  state: 'SUCCEEDED' | 'FAILED' | 'STOPPED';
  exitCode: number;
  /** What happened, in words, e.g. "exited with code 3". */
  diagnostics: string;
  failureKind: FailureKind | null;
}

/** What the wrapper wrote to `exit-status`. */
export type ExitRecord = { kind: 'exit' | 'signal'; value: number };

/** OpenPAI job-exit-spec codes for failures of the platform rather than of the command. */
export const EXIT_CODE = {
  /** CONTAINER_EXIT_CODE_FILE_LOST: the process ended and left no exit status. */
  lost: 154,
  /** CONTAINER_PORT_CONFLICT: the task's ports could not be had. */
  portConflict: -7103,
  /** CONTAINER_NM_LAUNCH_FAILED: the process could not be started. */
  launchFailed: -7150,
  /** APP_SUBMISSION_YARN_EXCEPTION: the job can never run where it was submitted. */
  rejected: -7300,
} as const;

const SIGNAL_NAMES = new Map(
  Object.entries(constants.signals).map(([name, number]) => [number as number, name]),
);

export const signalName = (signal: number): string =>
  SIGNAL_NAMES.get(signal) ?? `signal ${signal}`;

export function parseExitRecord(text: string): ExitRecord | null {
  const match = /^(exit|signal) (\d+)\s*$/.exec(text);
  return match ? { kind: match[1] as 'exit' | 'signal', value: Number(match[2]) } : null;
}

function describeExit(code: number): string {
  if (code === 0) return 'exited with code 0';
  if (code === 127) return 'exited with code 127: the command was not found';
  if (code === 126) return 'exited with code 126: the command was found but could not be executed';
  if (code > 128 && code < 160) {
    return `exited with code ${code}, which bash reports when a command it ran was killed by ${signalName(code - 128)}`;
  }
  return `exited with code ${code}`;
}

/** Turns the wrapper's record into a task end; a signal reads as exit code 128+N, as in Docker. */
export function endFromRecord(record: ExitRecord): TaskEnd {
  if (record.kind === 'signal') {
    return {
      state: 'FAILED',
      exitCode: 128 + record.value,
      diagnostics: `was killed by signal ${signalName(record.value)} (${record.value})`,
      failureKind: 'user',
    };
  }
  return {
    state: record.value === 0 ? 'SUCCEEDED' : 'FAILED',
    exitCode: record.value,
    diagnostics: describeExit(record.value),
    failureKind: record.value === 0 ? null : 'user',
  };
}

/** The kernel killed a process of the task because the task's cgroup reached `memoryMB`. */
export function memoryExceeded(record: ExitRecord, memoryMB: number): TaskEnd {
  const end = endFromRecord(record);
  return {
    state: 'FAILED',
    exitCode: end.exitCode === 0 ? 1 : end.exitCode,
    diagnostics: `exceeded its memory limit of ${memoryMB} MB (memoryMB), so the kernel killed it; it then ${end.diagnostics}`,
    failureKind: 'user',
  };
}

export const stoppedEnd = (why: string): TaskEnd => ({
  state: 'STOPPED',
  exitCode: EXIT_CODE_TASK_STOPPED_ON_COMPLETION,
  diagnostics: `was stopped because ${why}`,
  failureKind: null,
});

export const platformFailure = (exitCode: number, diagnostics: string): TaskEnd => ({
  state: 'FAILED',
  exitCode,
  diagnostics,
  failureKind: 'platform',
});
