import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { jobListQueryOptions, type JobListRequest } from '../../../api/jobs/get-job-list.ts';
import { deleteJobsMutationOptions } from '../../../api/jobs/delete-job.ts';
import { stopJobsMutationOptions } from '../../../api/jobs/put-job-execution-type.ts';
import {
  virtualClusterNames,
  virtualClustersQueryOptions,
} from '../../../api/virtual-clusters/get-virtual-clusters.ts';

export const JOB_LIST_REFRESH_MS = 10_000;

/** One page of jobs; the old page stays while the next one loads (no flashing). */
export function useJobs(request: JobListRequest, { autoRefresh }: { autoRefresh: boolean }) {
  return useQuery({
    ...jobListQueryOptions(request),
    placeholderData: keepPreviousData,
    refetchInterval: autoRefresh ? JOB_LIST_REFRESH_MS : false,
  });
}

/** Virtual-cluster names for the filter (the same cache entry as the dashboard's usage). */
export function useVirtualClusterNames() {
  return useQuery({
    ...virtualClustersQueryOptions(),
    select: virtualClusterNames,
    staleTime: 60_000,
  });
}

/** Bulk stop; the list, the dashboard and open job pages refresh afterwards. */
export function useStopJobs() {
  return useMutation(stopJobsMutationOptions(useQueryClient()));
}

/** Bulk delete, with the same refresh. */
export function useDeleteJobs() {
  return useMutation(deleteJobsMutationOptions(useQueryClient()));
}

/** Starts the list's request while the page's code loads (route loader). */
export function prefetchJobList(queryClient: QueryClient, request: JobListRequest): void {
  void queryClient.prefetchQuery(jobListQueryOptions(request));
}
