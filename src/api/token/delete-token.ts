import { apiRequest } from '../../lib/api-client.ts';

/**
 * `DELETE /api/v1/token/:token`: revokes the token. Every OpenPAI server since v0.16 has it in
 * both sign-in modes (`/authn/basic/logout` exists only in basic mode).
 */
export async function revokeToken(token: string): Promise<void> {
  await apiRequest(`/api/v1/token/${encodeURIComponent(token)}`, { method: 'DELETE', token });
}

/** The same route with a token's id (docs/api.md §3.5), as the signed-in person. */
export async function revokeTokenById(id: string): Promise<void> {
  await apiRequest(`/api/v1/token/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
