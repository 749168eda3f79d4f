/** Query keys of the dashboard; `all` refreshes every card at once. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  jobCounts: (username: string | null) =>
    [...dashboardKeys.all, 'job-counts', username ?? '*'] as const,
  recentJobs: (username: string) => [...dashboardKeys.all, 'recent-jobs', username] as const,
  virtualClusters: () => [...dashboardKeys.all, 'virtual-clusters'] as const,
};

/** The dashboard refreshes itself while open. */
export const DASHBOARD_REFRESH_MS = 15_000;
