import { apiRequest } from '../../lib/api-client.ts';

/** `PUT /api/v2/user/:username/password` as an admin (no old password); the user's tokens end. */
export function resetUserPassword(username: string, newPassword: string): Promise<unknown> {
  return apiRequest(`/api/v2/user/${encodeURIComponent(username)}/password`, {
    method: 'PUT',
    body: { newPassword },
  });
}
