import type { VirtualCluster } from '../../contract/api-types.ts';
import { apiRequest } from './api-client.ts';

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
