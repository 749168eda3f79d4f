import { useQuery } from '@tanstack/react-query';
import { userQueryOptions } from '../../../api/users/get-user.ts';
import {
  virtualClusterNames,
  virtualClustersQueryOptions,
} from '../../../api/virtual-clusters/get-virtual-clusters.ts';

/** Names of the virtual clusters `user` may submit to: all for admins, else those granted to them. */
export function useUsableVirtualClusters(user: string, admin: boolean) {
  const clusters = useQuery({
    ...virtualClustersQueryOptions(),
    select: virtualClusterNames,
    staleTime: 60_000,
  });
  const info = useQuery({ ...userQueryOptions(user), enabled: !admin });
  if (!clusters.data || (!admin && info.isPending)) return { data: undefined };
  const granted = info.data?.virtualCluster;
  // A server without the v2 user API: offer every cluster and let submission decide.
  if (admin || !Array.isArray(granted)) return { data: clusters.data };
  return { data: clusters.data.filter((name) => granted.includes(name)) };
}
