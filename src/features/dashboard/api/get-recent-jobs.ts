import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JobListItem } from '../../../../contract/api-types.ts';
import { fetchJobList } from '../../../lib/job-list.ts';
import { DASHBOARD_REFRESH_MS, dashboardKeys } from './keys.ts';

export const RECENT_JOB_COUNT = 10;

/** The person's most recently submitted jobs. */
export async function getRecentJobs(
  username: string,
  signal?: AbortSignal,
): Promise<JobListItem[]> {
  const page = await fetchJobList(
    {
      offset: 0,
      limit: RECENT_JOB_COUNT,
      usernames: [username],
      order: { field: 'createdTime', descending: true },
    },
    signal,
  );
  return page.jobs;
}

export const recentJobsQueryOptions = (username: string) =>
  queryOptions({
    queryKey: dashboardKeys.recentJobs(username),
    queryFn: ({ signal }) => getRecentJobs(username, signal),
    refetchInterval: DASHBOARD_REFRESH_MS,
  });

export function useRecentJobs(username: string) {
  return useQuery(recentJobsQueryOptions(username));
}
