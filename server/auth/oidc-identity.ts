import type { LoginResponse } from '../../contract/api-types.ts';
import { forbidden } from '../errors.ts';
import type { Services } from '../services.ts';
import { isUserName, USER_NAME_RULES } from '../validation/user-name.ts';
import type { OidcConfig } from './oidc-config.ts';
import type { IdTokenClaims } from './oidc-id-token.ts';

/** Claims tried in turn for the user name when PAI_OIDC_USERNAME_CLAIM is not set. */
export const DEFAULT_USERNAME_CLAIMS = ['preferred_username', 'upn', 'email'];

/** Stored as the password hash of users who sign in through the identity provider: no password matches it. */
export const NO_PASSWORD = 'oidc';

/** The user name: the first claim that has one, up to its last `@` (as OpenPAI did). */
export function usernameOf(claims: IdTokenClaims, usernameClaim: string | undefined): string {
  const names = usernameClaim ? [usernameClaim] : DEFAULT_USERNAME_CLAIMS;
  const found = names.find((name) => typeof claims[name] === 'string' && claims[name] !== '');
  if (found === undefined) {
    throw forbidden(
      `The ID token has no ${names.join(', ')} claim to name the user; set PAI_OIDC_USERNAME_CLAIM.`,
    );
  }
  const value = claims[found] as string;
  const at = value.lastIndexOf('@');
  const username = at > 0 ? value.slice(0, at) : value;
  if (!isUserName(username)) {
    // The claim is the provider's text: shown bounded, so a huge claim is no huge answer.
    const shown = value.length > 100 ? `${value.slice(0, 100)}…` : value;
    throw forbidden(
      `The ${found} claim "${shown}" does not give a valid user name (${USER_NAME_RULES}).`,
    );
  }
  return username;
}

/**
 * Admin rights come only from configuration: listed by name, or a member of the admin group
 * (`groups` claim). Otherwise any local account whose name matched, such as the first admin,
 * would hand its rights to whoever the provider calls by that name.
 */
export function isConfiguredAdmin(
  oidc: OidcConfig,
  username: string,
  claims: IdTokenClaims,
): boolean {
  const groups = Array.isArray(claims.groups) ? claims.groups : [];
  return (
    oidc.adminUsers.includes(username) ||
    (oidc.adminGroup !== undefined && groups.includes(oidc.adminGroup))
  );
}

/**
 * Signs in the person the verified ID token names: creates the user on first sign-in, sets admin
 * rights from the configured users and group, and issues the cluster's own token.
 */
export async function signInVerified(
  services: Services,
  oidc: OidcConfig,
  claims: IdTokenClaims,
): Promise<LoginResponse> {
  const { users, cluster, config, tokenService } = services;
  const username = usernameOf(claims, oidc.usernameClaim);
  const admin = isConfiguredAdmin(oidc, username, claims);
  const email = typeof claims.email === 'string' && claims.email.length <= 254 ? claims.email : '';
  const created = users.create({
    username,
    passwordHash: NO_PASSWORD,
    admin,
    email,
    virtualClusters: Object.hasOwn(cluster.virtualClusters, 'default') ? ['default'] : [],
    extension: {},
  });
  if (!created && users.get(username)?.admin !== admin) users.setAdmin(username, admin);
  const token = await tokenService.issue(username, false, config.tokenTtlSeconds);
  users.recordSignIn(username);
  return { user: username, token, admin };
}
