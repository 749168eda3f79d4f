import { apiRequest } from '../../lib/api-client.ts';

/** `DELETE /api/v1/virtual-clusters/:vc` (admin): refused while it has jobs that have not ended. */
export function deleteVirtualCluster(name: string): Promise<unknown> {
  return apiRequest(`/api/v1/virtual-clusters/${encodeURIComponent(name)}`, { method: 'DELETE' });
}
