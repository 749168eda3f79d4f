import type { LoginResponse } from '../../../../contract/api-types.ts';
import { apiUrl } from '../../../lib/api-client.ts';
import type { AzureSettings } from './azure-settings.ts';

/** Query parameters the REST server adds on its way back (docs/api.md §4 step 5); `from` stays for the login page. */
const ANSWER_PARAMS = ['user', 'token', 'admin', 'hasGitHubPAT', 'errorMessage'];

export type ServerAnswer = { login: LoginResponse; from: string } | { error: string; from: string };

/** OpenPAI's server flow: the REST server talks to Azure AD and comes back to `redirectUri`. */
export function startServerSignIn(settings: AzureSettings, from: string): void {
  window.location.assign(
    apiUrl('/api/v1/authn/oidc/login', { redirect_uri: settings.redirectUri, from }),
  );
}

export const hasServerAnswer = () => {
  const params = new URLSearchParams(window.location.search);
  return (params.has('token') && params.has('user')) || params.has('errorMessage');
};

/**
 * Takes the server's answer out of the address: the token must not stay in the address bar nor in
 * the history, so the entry is replaced at once.
 */
export function takeServerAnswer(): ServerAnswer | null {
  if (!hasServerAnswer()) return null;
  const url = new URL(window.location.href);
  const params = new URLSearchParams(url.search);
  for (const name of ANSWER_PARAMS) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  const from = params.get('from') ?? '/';
  const errorMessage = params.get('errorMessage');
  if (errorMessage !== null) return { error: errorMessage, from };
  return {
    login: {
      user: params.get('user')!,
      token: params.get('token')!,
      admin: params.get('admin') === 'true',
    },
    from,
  };
}

/** The server ends the provider's session and sends the browser back to the sign-in page. */
export function serverSignOut(settings: AzureSettings): void {
  window.location.assign(
    apiUrl('/api/v1/authn/oidc/logout', { redirect_uri: settings.redirectUri }),
  );
}
