import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeToken } from '../../../api/token/delete-token.ts';
import { clearSession, currentSession } from '../../../lib/session.ts';
import { useAzureSignOut } from '../azure/azure-sign-out.ts';

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
