import { queryOptions } from '@tanstack/react-query';
import type { TaskMetrics } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { queryKeys } from '../query-keys.ts';
import type { TaskAddress } from './get-task-log.ts';

/** `GET …/:job/tasks/:role/:index/metrics` (this server's own route, README "Resource metrics"). */
export function fetchTaskMetrics(
  job: JobRef,
  task: TaskAddress,
  signal?: AbortSignal,
): Promise<TaskMetrics> {
  const path = `${jobApiPath(job)}/tasks/${encodeURIComponent(task.role)}/${task.index}/metrics`;
  return apiRequest<TaskMetrics>(path, { signal });
}

export const taskMetricsQueryOptions = (job: JobRef, task: TaskAddress) =>
  queryOptions({
    queryKey: queryKeys.jobs.metrics(job, `${task.role}/${task.index}`),
    queryFn: ({ signal }) => fetchTaskMetrics(job, task, signal),
  });
