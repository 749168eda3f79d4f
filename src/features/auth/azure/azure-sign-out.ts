import { createContext, useContext } from 'react';

/** Ends the identity provider's session once the cluster token is revoked: MSAL logout, or the server's. */
export type AzureSignOut = () => Promise<void>;

const AzureSignOutContext = createContext<AzureSignOut | null>(null);

export const AzureSignOutProvider = AzureSignOutContext.Provider;

export function useAzureSignOut(): AzureSignOut | null {
  return useContext(AzureSignOutContext);
}
