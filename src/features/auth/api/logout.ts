import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { PaiError } from '../../../lib/pai-error.ts';
import { clearSession, currentSession } from '../../../lib/session.ts';
import { useAzureSignOut } from '../azure/azure-sign-out.ts';

/**
 * Revokes the token on the server: `DELETE /api/v1/authn/basic/logout`, or on servers without it
 * (OpenPAI before v1.0, OIDC clusters) `DELETE /api/v1/token/:token`.
 */
export async function revokeToken(token: string): Promise<void> {
  try {
    await apiRequest('/api/v1/authn/basic/logout', { method: 'DELETE', token });
  } catch (error) {
    if (!(error instanceof PaiError) || error.status !== 404) throw error;
    await apiRequest(`/api/v1/token/${encodeURIComponent(token)}`, { method: 'DELETE', token });
  }
}

/**
 * Sign out: revoke the token, then forget it and every cached answer, whatever the server said;
 * with Azure AD, then sign out at the identity provider too.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const azureSignOut = useAzureSignOut();
  return useMutation({
    mutationFn: async () => {
      const session = currentSession();
      try {
        if (session) await revokeToken(session.token);
      } finally {
        clearSession({ signedOut: true });
        queryClient.clear();
        if (azureSignOut) await azureSignOut();
      }
    },
  });
}
