import {
  EXIT_CODE_STOP_REQUESTED,
  EXIT_CODE_TASK_STOPPED_ON_COMPLETION,
} from '../../contract/job-state.ts';

/** The platform's exit codes (README, "States and exit codes"; OpenPAI's job exit spec). */
const PLATFORM_CODES = new Map<number, string>([
  [EXIT_CODE_STOP_REQUESTED, 'The job was stopped on request.'],
  [
    EXIT_CODE_TASK_STOPPED_ON_COMPLETION,
    'The task was stopped because its job ended (another task decided it) or was stopped.',
  ],
  [154, 'The task’s process vanished without leaving an exit status.'],
  [-7103, 'The task’s ports could not be had (another process holds them).'],
  [-7150, 'The task’s process could not be started.'],
  [-7300, 'The job can never run here: its virtual cluster is gone or now too small for it.'],
]);

/** Signals a task is commonly killed by; its exit code is then 128 + N. */
const SIGNALS = new Map<number, string>([
  [1, 'SIGHUP'],
  [2, 'SIGINT'],
  [6, 'SIGABRT'],
  [9, 'SIGKILL'],
  [11, 'SIGSEGV'],
  [13, 'SIGPIPE'],
  [15, 'SIGTERM'],
]);

/** What an exit code means, in one sentence; null for the command's own codes (1, 2, …). */
export function exitCodeMeaning(code: number): string | null {
  const platform = PLATFORM_CODES.get(code);
  if (platform) return platform;
  if (code === 0) return 'Succeeded.';
  if (code === 126) return 'The command was found but could not be executed.';
  if (code === 127) return 'The command was not found.';
  const signal = SIGNALS.get(code - 128);
  if (signal) return `The process was killed by ${signal} (signal ${code - 128}).`;
  return null;
}
