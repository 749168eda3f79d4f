import { apiRequest } from '../../lib/api-client.ts';

/** `PUT /api/v2/user/:username/virtualcluster` (admin): the VCs a user who is not an admin may use. */
export function setUserVirtualClusters(
  username: string,
  virtualCluster: string[],
): Promise<unknown> {
  return apiRequest(`/api/v2/user/${encodeURIComponent(username)}/virtualcluster`, {
    method: 'PUT',
    body: { virtualCluster },
  });
}
