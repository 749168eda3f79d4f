import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isTerminal } from '../../../../contract/job-state.ts';
import { jobQueryOptions } from '../../../api/jobs/get-job.ts';
import { jobConfigQueryOptions } from '../../../api/jobs/get-job-config.ts';
import { sshInfoQueryOptions } from '../../../api/jobs/get-job-ssh.ts';
import {
  taskLogQueryOptions,
  type LogSource,
  type LogStream,
} from '../../../api/jobs/get-task-log.ts';
import { stopJobMutationOptions } from '../../../api/jobs/put-job-execution-type.ts';
import type { JobRef } from '../model/job-ref.ts';

export const JOB_REFRESH_MS = 3_000;
const WAITING_FOR_SSH_MS = 3_000;
const FOLLOW_MS = 2_000;

/** While `autoRefresh` is on, polls until the job reaches a terminal state, then stops by itself (pai#4648). */
export function useJob(job: JobRef, autoRefresh: boolean) {
  return useQuery({
    ...jobQueryOptions(job),
    refetchInterval: (query) => {
      const status = query.state.data?.jobStatus;
      return autoRefresh && status && !isTerminal(status.state) ? JOB_REFRESH_MS : false;
    },
  });
}

export function useJobConfig(job: JobRef, enabled: boolean) {
  return useQuery({ ...jobConfigQueryOptions(job), enabled });
}

/** While the job runs and no task serves SSH yet, asks again; the last answer stays on screen meanwhile. */
export function useSshInfo(
  job: JobRef,
  { enabled, running }: { enabled: boolean; running: boolean },
) {
  return useQuery({
    ...sshInfoQueryOptions(job),
    enabled,
    refetchInterval: (query) =>
      running && (query.state.data?.containers.length ?? 0) === 0 ? WAITING_FOR_SSH_MS : false,
  });
}

/** The tail of a task's log, asked again every few seconds while `follow` is on. */
export function useTaskLog(
  job: JobRef,
  task: LogSource | null,
  stream: LogStream,
  follow: boolean,
) {
  return useQuery({
    ...taskLogQueryOptions(job, task, stream),
    refetchInterval: follow ? FOLLOW_MS : false,
  });
}

/** Stop from the job's page; the page, the list and the dashboard refresh afterwards. */
export function useStopJob(job: JobRef) {
  return useMutation(stopJobMutationOptions(useQueryClient(), job));
}

/** Starts the status request while the page's code loads (route loader). */
export function prefetchJob(queryClient: QueryClient, job: JobRef): void {
  void queryClient.prefetchQuery(jobQueryOptions(job));
}
