import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import type { AzureSettings } from './azure-settings.ts';
import type { ProviderTokens } from '../../../api/authn/post-oidc-return.ts';

/** What the cluster exchanges for its own token (POST /api/v1/authn/oidc/return). */
export type { ProviderTokens };

let client: Promise<IPublicClientApplication> | undefined;

/** MSAL, loaded on first use only: pages of password clusters never download it. */
function msal(settings: AzureSettings): Promise<IPublicClientApplication> {
  client ??= import('@azure/msal-browser').then(async ({ PublicClientApplication }) => {
    const application = new PublicClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        knownAuthorities: settings.knownAuthorities,
        redirectUri: settings.redirectUri,
        postLogoutRedirectUri: settings.redirectUri,
      },
      cache: { cacheLocation: 'sessionStorage' },
      system: { protocolMode: settings.protocolMode },
    });
    await application.initialize();
    return application;
  });
  return client;
}

const tokensOf = (result: AuthenticationResult): ProviderTokens => ({
  idToken: result.idToken,
  ...(result.accessToken ? { accessToken: result.accessToken } : {}),
});

/** True when the address holds the provider's answer to a redirect sign-in. */
export const hasMsalAnswer = () =>
  /[#&](code|error)=/.test(window.location.hash) && /[#&]state=/.test(window.location.hash);

/** Authorization code with PKCE, by redirect; `from` travels in the state. */
export async function startMsalSignIn(settings: AzureSettings, from: string): Promise<void> {
  const application = await msal(settings);
  await application.handleRedirectPromise(); // clears a sign-in abandoned with the back button
  await application.loginRedirect({
    scopes: settings.scopes,
    state: from,
    redirectUri: settings.redirectUri,
  });
}

/**
 * The answer of the provider in this address, if any: tokens and the page to return to. The answer
 * leaves the address and its history entry first (MSAL would add an entry to clear it).
 */
export async function completeMsalSignIn(
  settings: AzureSettings,
): Promise<{ tokens: ProviderTokens; from: string } | null> {
  const { hash, pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search);
  const result = await (
    await msal(settings)
  ).handleRedirectPromise({ hash, navigateToLoginRequestUrl: false });
  return result ? { tokens: tokensOf(result), from: result.state ?? '/' } : null;
}

/** New tokens from MSAL's refresh token, without a page; null when MSAL has no session. */
export async function refreshMsalTokens(settings: AzureSettings): Promise<ProviderTokens | null> {
  const application = await msal(settings);
  const account = application.getAllAccounts()[0];
  if (!account) return null;
  try {
    return tokensOf(
      await application.acquireTokenSilent({
        scopes: settings.scopes,
        account,
        forceRefresh: true,
      }),
    );
  } catch {
    return null; // expired or revoked at the provider: the person signs in again
  }
}

/** Ends the session at the provider and comes back to the sign-in page. */
export async function msalSignOut(settings: AzureSettings): Promise<void> {
  const application = await msal(settings);
  const account = application.getAllAccounts()[0];
  // The ID token names the client, so the provider honours the return address.
  await application.logoutRedirect({
    account,
    idTokenHint: account?.idToken,
    postLogoutRedirectUri: settings.redirectUri,
  });
}

/** After sign-out the provider returns MSAL's state in the query; it means nothing to the portal. */
export function dropSignOutState(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('state') || url.searchParams.has('code')) return;
  url.searchParams.delete('state');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}
