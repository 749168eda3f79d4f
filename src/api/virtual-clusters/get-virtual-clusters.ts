import { queryOptions } from '@tanstack/react-query';
import type { VirtualCluster } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { queryKeys } from '../query-keys.ts';

export interface NamedVirtualCluster extends VirtualCluster {
  name: string;
}

/** `GET /api/v1/virtual-clusters`: a map by name, returned as a list sorted by name. */
export async function fetchVirtualClusters(signal?: AbortSignal): Promise<NamedVirtualCluster[]> {
  const byName = await apiRequest<Record<string, VirtualCluster>>('/api/v1/virtual-clusters', {
    signal,
  });
  return Object.entries(byName)
    .map(([name, cluster]) => ({ ...cluster, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One cache entry for the dashboard's usage, the list's filter and the submit page's choices. */
export const virtualClustersQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.virtualClusters.all,
    queryFn: ({ signal }) => fetchVirtualClusters(signal),
  });

export const virtualClusterNames = (clusters: NamedVirtualCluster[]) =>
  clusters.map((cluster) => cluster.name);
