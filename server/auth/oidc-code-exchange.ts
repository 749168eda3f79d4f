import { unauthorized } from '../errors.ts';
import { causeOf, providerUnreachable, type OidcAuthority } from './oidc-authority.ts';
import type { PendingSignIn } from './oidc-pending-sign-ins.ts';

export interface ProviderTokens {
  idToken: string;
  accessToken: string | undefined;
}

/** Server flow: trades the authorization code for tokens at the token endpoint, with the client secret and PKCE verifier. */
export async function exchangeCode(
  authority: OidcAuthority,
  code: string,
  pending: PendingSignIn,
): Promise<ProviderTokens> {
  const { clientId, clientSecret, scopes } = authority.config;
  const { token_endpoint } = await authority.metadata();
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.returnUri,
    client_id: clientId,
    client_secret: clientSecret ?? '',
    code_verifier: pending.codeVerifier,
    scope: scopes.join(' '),
  });
  let response: Response;
  try {
    response = await fetch(token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw providerUnreachable(token_endpoint, causeOf(error));
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const reason =
      [answer.error, answer.error_description].filter(Boolean).join(': ') ||
      `status ${response.status}`;
    throw unauthorized(`The identity provider refused the sign-in code (${reason}).`);
  }
  if (typeof answer.id_token !== 'string')
    throw unauthorized(
      'The identity provider answered without an ID token; is "openid" among PAI_OIDC_SCOPES?',
    );
  return {
    idToken: answer.id_token,
    accessToken: typeof answer.access_token === 'string' ? answer.access_token : undefined,
  };
}
