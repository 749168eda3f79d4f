import { apiRequest } from '../../lib/api-client.ts';

/**
 * `PUT /api/v1/virtual-clusters/:vc` (admin): creates the VC or resizes it; `capacity` is a
 * percentage of the configured `default` VC (docs/api.md §8.1).
 */
export function putVirtualCluster(name: string, capacity: number): Promise<unknown> {
  return apiRequest(`/api/v1/virtual-clusters/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: { vcCapacity: capacity },
  });
}
