import { useQuery, type QueryClient } from '@tanstack/react-query';
import { jobCountsQueryOptions, recentJobsQueryOptions } from '../../../api/jobs/get-job-list.ts';
import { virtualClustersQueryOptions } from '../../../api/virtual-clusters/get-virtual-clusters.ts';
import { queryKeys } from '../../../api/query-keys.ts';

/** The dashboard refreshes itself while open. */
export const DASHBOARD_REFRESH_MS = 15_000;

/** The key prefixes of every card: the refresh button and "Updated …" cover these. */
export const DASHBOARD_KEYS = [
  queryKeys.jobs.allCounts(),
  queryKeys.jobs.allRecent(),
  queryKeys.virtualClusters.all,
] as const;

/** `username` null: every job (admins). */
export function useJobCounts(username: string | null) {
  return useQuery({ ...jobCountsQueryOptions(username), refetchInterval: DASHBOARD_REFRESH_MS });
}

export function useRecentJobs(username: string) {
  return useQuery({ ...recentJobsQueryOptions(username), refetchInterval: DASHBOARD_REFRESH_MS });
}

export function useVirtualClusters() {
  return useQuery({ ...virtualClustersQueryOptions(), refetchInterval: DASHBOARD_REFRESH_MS });
}

/** Starts every card's request at once (the route loader calls it while the page's code loads). */
export function prefetchDashboard(
  queryClient: QueryClient,
  session: { user: string; admin: boolean },
): void {
  void queryClient.prefetchQuery(jobCountsQueryOptions(session.user));
  if (session.admin) void queryClient.prefetchQuery(jobCountsQueryOptions(null));
  void queryClient.prefetchQuery(virtualClustersQueryOptions());
  void queryClient.prefetchQuery(recentJobsQueryOptions(session.user));
}
