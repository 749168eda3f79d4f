import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchVirtualClusters } from '../../../lib/virtual-clusters.ts';
import { DASHBOARD_REFRESH_MS, dashboardKeys } from './keys.ts';

/** `GET /api/v1/virtual-clusters`, for the usage card. */
export const virtualClustersQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.virtualClusters(),
    queryFn: ({ signal }) => fetchVirtualClusters(signal),
    refetchInterval: DASHBOARD_REFRESH_MS,
  });

export function useVirtualClusters() {
  return useQuery(virtualClustersQueryOptions());
}
