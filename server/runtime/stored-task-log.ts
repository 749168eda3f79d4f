import { existsSync, readdirSync } from 'node:fs';
import type { RuntimePaths } from './paths.ts';
import type { RuntimeTaskRow } from './runtime-store.ts';
import { readTaskLog, type LogStream } from './task-logs.ts';
import type { TaskLog } from './types.ts';

/** What a running task's log answers without `tail`: enough to follow it, never the whole file. */
const RUNNING_LOG_TAIL = 64 * 1024;

/**
 * A task's kept log, as both backends keep it (`jobs/<id>/attempt-<n>/<role>.<index>/`): the
 * current attempt's, or with `attempt` an earlier one's while its directory is kept; null when
 * the job has no such task or that attempt's files are gone.
 */
export function storedTaskLog(
  paths: RuntimePaths,
  tasks: RuntimeTaskRow[],
  jobId: number,
  address: { role: string; index: number; attempt: number | null },
  stream: LogStream,
  tailBytes: number | null,
): TaskLog | null {
  const task = tasks.find(
    (row) => row.task_role === address.role && row.task_index === address.index,
  );
  if (!task) return null;
  const attempt = address.attempt ?? task.attempt;
  if (attempt > task.attempt) return null;
  const taskDir = paths.taskDir(jobId, attempt, address.role, address.index);
  if (attempt !== task.attempt && !existsSync(taskDir)) return null;
  const taskRunning = attempt === task.attempt && task.state === 'RUNNING';
  return {
    ...readTaskLog(taskDir, stream, tailBytes ?? (taskRunning ? RUNNING_LOG_TAIL : null)),
    taskRunning,
  };
}

/** The attempts whose files (logs) are still kept, oldest first (docs: README, Retries). */
export function keptAttempts(paths: RuntimePaths, jobId: number): number[] {
  let names: string[];
  try {
    names = readdirSync(paths.jobDir(jobId));
  } catch {
    return [];
  }
  return names
    .map((name) => /^attempt-(\d+)$/.exec(name))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}
