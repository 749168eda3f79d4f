import { apiRequest } from '../../lib/api-client.ts';

/** `DELETE /api/v2/user/:username` (admin; an admin cannot be deleted). */
export function deleteUser(username: string): Promise<unknown> {
  return apiRequest(`/api/v2/user/${encodeURIComponent(username)}`, { method: 'DELETE' });
}
