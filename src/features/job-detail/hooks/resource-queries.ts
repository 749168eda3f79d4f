import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { deleteJobMutationOptions } from '../../../api/jobs/delete-job.ts';
import { jobAttemptsQueryOptions } from '../../../api/jobs/get-job-attempts.ts';
import {
  attemptLogQueryOptions,
  type LogStream,
  type TaskAddress,
} from '../../../api/jobs/get-task-log.ts';
import { taskMetricsQueryOptions } from '../../../api/jobs/get-task-metrics.ts';
import type { JobRef } from '../model/job-ref.ts';

const ATTEMPTS_REFRESH_MS = 3_000;
/** Never asked more often than this, however small the server's sampling interval. */
const MIN_METRICS_POLL_MS = 1_000;

/** Each task's samples; a running task's are asked again at the server's sampling interval. */
export function useTaskMetrics(job: JobRef, tasks: (TaskAddress & { running: boolean })[]) {
  return useQueries({
    queries: tasks.map((task) => ({
      ...taskMetricsQueryOptions(job, task),
      refetchInterval: (query: { state: { data?: { intervalSeconds: number } } }) =>
        task.running
          ? Math.max(MIN_METRICS_POLL_MS, (query.state.data?.intervalSeconds ?? 5) * 1000)
          : false,
    })),
  });
}

/** The job's attempts, asked again every few seconds until the job has ended. */
export function useJobAttempts(job: JobRef, ended: boolean) {
  return useQuery({
    ...jobAttemptsQueryOptions(job),
    refetchInterval: ended ? false : ATTEMPTS_REFRESH_MS,
  });
}

export function useAttemptLog(job: JobRef, task: TaskAddress, stream: LogStream, attempt: number) {
  return useQuery(attemptLogQueryOptions(job, task, stream, attempt));
}

/** Delete from the job's page; on success the person lands on the job list. */
export function useDeleteJob(job: JobRef) {
  const navigate = useNavigate();
  return useMutation(deleteJobMutationOptions(useQueryClient(), job, () => void navigate('/jobs')));
}
