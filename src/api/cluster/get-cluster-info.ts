import { queryOptions } from '@tanstack/react-query';
import type { ClusterInfo } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v1`: the cluster's version and, on this server, how tasks are isolated. */
export function getClusterInfo(signal?: AbortSignal): Promise<ClusterInfo> {
  return apiRequest<ClusterInfo>('/api/v1', { signal, anonymous: true });
}

/** Fixed while the server runs (found at its start). */
export const clusterInfoQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.cluster.info(),
    queryFn: ({ signal }) => getClusterInfo(signal),
    staleTime: Infinity,
  });
