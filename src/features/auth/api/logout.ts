import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { clearSession, currentSession } from '../../../lib/session.ts';
import { useAzureSignOut } from '../azure/azure-sign-out.ts';

/**
 * Revokes the token on the server with `DELETE /api/v1/token/:token`, which every OpenPAI server
 * since v0.16 has in both sign-in modes (`/authn/basic/logout` exists only in basic mode).
 */
export async function revokeToken(token: string): Promise<void> {
  await apiRequest(`/api/v1/token/${encodeURIComponent(token)}`, { method: 'DELETE', token });
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
