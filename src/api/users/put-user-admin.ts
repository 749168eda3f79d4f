import { apiRequest } from '../../lib/api-client.ts';

/** `PUT /api/v2/user/:username/admin` (admin): make the user an admin, or no longer one. */
export function setUserAdmin(username: string, admin: boolean): Promise<unknown> {
  return apiRequest(`/api/v2/user/${encodeURIComponent(username)}/admin`, {
    method: 'PUT',
    body: { admin },
  });
}
