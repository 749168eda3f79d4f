import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';

/**
 * After a stop or a submit: every answer about jobs (dashboard counts and recent jobs, every list
 * page, every job's page) and the virtual clusters' usage, by key prefix.
 */
export function invalidateAfterJobChange(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.jobs.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.virtualClusters.all }),
  ]).then(() => undefined);
}
