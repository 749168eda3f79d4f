import type { JobListRequest } from '../../../lib/job-list.ts';

/** Query keys of the job list; invalidating `all` refreshes every list view. */
export const jobsKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobsKeys.all, 'list'] as const,
  list: (request: JobListRequest) => [...jobsKeys.lists(), request] as const,
  virtualClusters: () => [...jobsKeys.all, 'virtual-clusters'] as const,
};
