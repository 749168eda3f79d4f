/** Query keys of the submit page; everything about jobs sits under `['jobs']`, so one invalidation refreshes lists too. */
export const submitKeys = {
  jobs: ['jobs'] as const,
  cloneSource: (user: string, clone: string) => ['jobs', 'clone-source', user, clone] as const,
  virtualClusters: (user: string) => ['virtual-clusters', 'usable', user] as const,
};
