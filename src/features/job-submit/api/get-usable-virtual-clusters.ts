import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserInfo } from '../../../../contract/api-types.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { fetchVirtualClusters } from '../../../lib/virtual-clusters.ts';
import { submitKeys } from './keys.ts';

/** Names of the virtual clusters `user` may submit to: all for admins, else those granted to them. */
export async function fetchUsableVirtualClusters(
  user: string,
  admin: boolean,
  signal?: AbortSignal,
): Promise<string[]> {
  const clusters = (await fetchVirtualClusters(signal)).map((cluster) => cluster.name);
  if (admin) return clusters;
  const info = await apiRequest<UserInfo>(`/api/v2/user/${encodeURIComponent(user)}`, {
    signal,
  }).catch(() => null);
  // A server without the v2 user API: offer every cluster and let submission decide.
  if (!info || !Array.isArray(info.virtualCluster)) return clusters;
  return clusters.filter((name) => info.virtualCluster.includes(name));
}

export function useUsableVirtualClusters(user: string, admin: boolean) {
  return useQuery(
    queryOptions({
      queryKey: submitKeys.virtualClusters(user),
      queryFn: ({ signal }) => fetchUsableVirtualClusters(user, admin, signal),
      staleTime: 60_000,
    }),
  );
}
