import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { restServerPath } from '../../lib/rest-link.ts';
import { queryKeys } from '../query-keys.ts';

export type LogStream = 'stdout' | 'stderr';
export interface TaskAddress {
  role: string;
  index: number;
}

/** A task whose log is read, with `containerLog` (its stdout URL) when the server gives one. */
export interface LogSource extends TaskAddress {
  containerLog: string | null;
}

/** How much of a log the page shows; the whole log is a download. */
export const LOG_TAIL_BYTES = 64 * 1024;
/** `tail` larger than any kept log (15 digits, the most the server reads): the whole log. */
const WHOLE_LOG = 1e14;

/**
 * The log's REST path: from `containerLog` when the server gives one (`…/logs/stdout`), else
 * `GET .../:jobName/tasks/:role/:index/logs/:stream` of this portal's server.
 */
export function taskLogPath(job: JobRef, task: LogSource, stream: LogStream): string {
  const given = task.containerLog ? restServerPath(task.containerLog) : null;
  if (given && /\/logs\/stdout(?:\?.*)?$/.test(given))
    return given.replace(/\/logs\/stdout(?:\?.*)?$/, `/logs/${stream}`);
  return `${jobApiPath(job)}/tasks/${encodeURIComponent(task.role)}/${task.index}/logs/${stream}`;
}

export function fetchTaskLog(
  job: JobRef,
  task: LogSource,
  stream: LogStream,
  tailBytes: number,
  signal?: AbortSignal,
) {
  return apiRequest<string>(taskLogPath(job, task, stream), {
    query: { tail: tailBytes },
    responseType: 'text',
    signal,
  });
}

export function fetchWholeTaskLog(job: JobRef, task: LogSource, stream: LogStream): Promise<Blob> {
  return apiRequest<Blob>(taskLogPath(job, task, stream), {
    query: { tail: WHOLE_LOG },
    responseType: 'blob',
  });
}

/** `GET …/tasks/:role/:index/logs/:stream?tail=`: the tail of a task's log. */
export const taskLogQueryOptions = (job: JobRef, task: LogSource | null, stream: LogStream) =>
  queryOptions({
    queryKey: queryKeys.jobs.log(job, task ? `${task.role}/${task.index}` : '', stream),
    queryFn: ({ signal }) => fetchTaskLog(job, task!, stream, LOG_TAIL_BYTES, signal),
    enabled: task !== null,
  });

/** `…/logs/:stream?attempt=N&tail=`: the tail of an earlier attempt's log while it is kept. */
export const attemptLogQueryOptions = (
  job: JobRef,
  task: TaskAddress,
  stream: LogStream,
  attempt: number,
) =>
  queryOptions({
    queryKey: queryKeys.jobs.attemptLog(job, `${task.role}/${task.index}`, stream, attempt),
    queryFn: ({ signal }) =>
      apiRequest<string>(taskLogPath(job, { ...task, containerLog: null }, stream), {
        query: { tail: LOG_TAIL_BYTES, attempt },
        responseType: 'text',
        signal,
      }),
  });
