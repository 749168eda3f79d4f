import { ConfigError } from '../config-error.ts';
import { parseIsolationSetting, type IsolationSetting } from './isolation.ts';
import { DEFAULT_TASK_UID_RANGE, parseUidRange, type UidRange } from './task-uids.ts';

/** Tunables of the local job runtime. */
export interface RuntimeOptions {
  /** Time between SIGTERM and SIGKILL when tasks are stopped. */
  stopGraceMs: number;
  /** Each of a task's stdout and stderr logs is rotated at this size; one older file is kept. */
  logMaxBytes: number;
  /** Pause before a failed attempt is retried. */
  retryDelayMs: number;
  /** How often tasks adopted after a restart (not our children) are checked for exit. */
  pollIntervalMs: number;
  /** PAI_TASK_ISOLATION. */
  isolation: IsolationSetting;
  /** PAI_TASK_UID_RANGE: uids of users' tasks when the server runs as root. */
  taskUidRange: UidRange;
  /** Processes and threads one task may have at once (a fork bomb stops there). */
  taskPidsMax: number;
  /** PAI_BWRAP: the bubblewrap program tasks are sandboxed with. */
  bwrapPath: string;
}

export const DEFAULT_RUNTIME_OPTIONS: RuntimeOptions = {
  stopGraceMs: 10_000,
  logMaxBytes: 16 * 1024 * 1024,
  retryDelayMs: 1_000,
  pollIntervalMs: 500,
  isolation: 'auto',
  taskUidRange: parseUidRange(DEFAULT_TASK_UID_RANGE),
  taskPidsMax: 4096,
  bwrapPath: 'bwrap',
};

const MIN_LOG_BYTES = 64 * 1024;

function seconds(
  env: Record<string, string | undefined>,
  variable: string,
  fallbackMs: number,
): number {
  const text = env[variable];
  if (text === undefined) return fallbackMs;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new ConfigError(variable, `"${text}" is not a number of seconds.`);
  return Math.round(value * 1000);
}

function pidsMax(text: string | undefined): number {
  if (text === undefined) return DEFAULT_RUNTIME_OPTIONS.taskPidsMax;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 16)
    throw new ConfigError('PAI_TASK_PIDS_MAX', `"${text}" is not an integer of at least 16.`);
  return value;
}

/**
 * Reads `PAI_STOP_GRACE_SECONDS`, `PAI_TASK_LOG_MAX_BYTES`, `PAI_RETRY_DELAY_SECONDS`,
 * `PAI_TASK_ISOLATION`, `PAI_TASK_UID_RANGE`, `PAI_TASK_PIDS_MAX` and `PAI_BWRAP`.
 */
export function runtimeOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): RuntimeOptions {
  const logText = env.PAI_TASK_LOG_MAX_BYTES;
  const logMaxBytes = logText === undefined ? DEFAULT_RUNTIME_OPTIONS.logMaxBytes : Number(logText);
  if (!Number.isInteger(logMaxBytes) || logMaxBytes < MIN_LOG_BYTES) {
    throw new ConfigError(
      'PAI_TASK_LOG_MAX_BYTES',
      `must be an integer of at least ${MIN_LOG_BYTES}.`,
    );
  }
  return {
    ...DEFAULT_RUNTIME_OPTIONS,
    stopGraceMs: seconds(env, 'PAI_STOP_GRACE_SECONDS', DEFAULT_RUNTIME_OPTIONS.stopGraceMs),
    retryDelayMs: seconds(env, 'PAI_RETRY_DELAY_SECONDS', DEFAULT_RUNTIME_OPTIONS.retryDelayMs),
    logMaxBytes,
    taskPidsMax: pidsMax(env.PAI_TASK_PIDS_MAX),
    isolation: parseIsolationSetting(env.PAI_TASK_ISOLATION),
    taskUidRange: parseUidRange(env.PAI_TASK_UID_RANGE ?? DEFAULT_TASK_UID_RANGE),
    bwrapPath: env.PAI_BWRAP || DEFAULT_RUNTIME_OPTIONS.bwrapPath,
  };
}
