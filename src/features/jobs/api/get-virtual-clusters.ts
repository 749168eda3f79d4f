import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchVirtualClusters } from '../../../lib/virtual-clusters.ts';
import { jobsKeys } from './keys.ts';

/** Virtual-cluster names for the filter. */
export const virtualClusterNamesQueryOptions = () =>
  queryOptions({
    queryKey: jobsKeys.virtualClusters(),
    queryFn: async ({ signal }) =>
      (await fetchVirtualClusters(signal)).map((cluster) => cluster.name),
    staleTime: 60_000,
  });

export function useVirtualClusterNames() {
  return useQuery(virtualClusterNamesQueryOptions());
}
