import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { fetchJobList, type JobListRequest } from '../../../lib/job-list.ts';
import { jobsKeys } from './keys.ts';

export const JOB_LIST_REFRESH_MS = 10_000;

/** `GET /api/v1/jobs?offset&limit&withTotalCount&…`: one page of jobs. */
export const jobsQueryOptions = (request: JobListRequest) =>
  queryOptions({
    queryKey: jobsKeys.list(request),
    queryFn: ({ signal }) => fetchJobList(request, signal),
    placeholderData: keepPreviousData, // the old page stays while the next one loads: no flashing
  });

export function useJobs(request: JobListRequest, { autoRefresh }: { autoRefresh: boolean }) {
  return useQuery({
    ...jobsQueryOptions(request),
    refetchInterval: autoRefresh ? JOB_LIST_REFRESH_MS : false,
  });
}
