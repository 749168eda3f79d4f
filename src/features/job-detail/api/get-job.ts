import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JobDetail } from '../../../../contract/api-types.ts';
import { isTerminal } from '../../../../contract/job-state.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../model/job-ref.ts';
import { detailKeys } from './keys.ts';

export const JOB_REFRESH_MS = 3_000;

/** `GET /api/v1/jobs/<ns>~<name>` (or `/api/v1/jobs/<name>` for a legacy job). */
export function fetchJob(job: JobRef, signal?: AbortSignal): Promise<JobDetail> {
  return apiRequest<JobDetail>(jobApiPath(job), { signal });
}

export const jobQueryOptions = (job: JobRef) =>
  queryOptions({
    queryKey: detailKeys.status(job),
    queryFn: ({ signal }) => fetchJob(job, signal),
  });

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
