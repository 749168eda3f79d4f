import { createContext, useContext } from 'react';

/**
 * Starts an Azure AD sign-in that returns to `from`. The Azure AD integration provides it; it ends
 * by saving the cluster token with `saveSession`, exactly as the form does.
 */
export type AzureSignIn = (from: string) => void | Promise<void>;

const AzureSignInContext = createContext<AzureSignIn | null>(null);

export const AzureSignInProvider = AzureSignInContext.Provider;

export function useAzureSignIn(): AzureSignIn | null {
  return useContext(AzureSignInContext);
}
