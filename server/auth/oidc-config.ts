import { ConfigError } from '../config-error.ts';

/** Azure AD (or any OpenID Connect provider) settings, read from PAI_OIDC_* when PAI_AUTHN_METHOD=OIDC. */
export interface OidcConfig {
  /** The issuer; its endpoints come from `<authority>/.well-known/openid-configuration`. */
  authority: string;
  clientId: string;
  /** Only the server flow needs it; it never reaches the browser. */
  clientSecret: string | undefined;
  /** `msal`: the portal signs in with MSAL; `server`: OpenPAI's redirect through this server. */
  flow: 'msal' | 'server';
  /** The claim that names the user; undefined → preferred_username, then upn, then email. */
  usernameClaim: string | undefined;
  adminUsers: string[];
  adminGroup: string | undefined;
  /** Portal origins this server redirects to; empty → the origin the request came to. */
  redirectOrigins: string[];
  scopes: string[];
  /** MSAL's protocol mode: `AAD` for Microsoft's authorities, `OIDC` for any other provider. */
  protocolMode: 'AAD' | 'OIDC';
  /** The portal's MSAL redirect URI; undefined → the portal's own origin + `/login`. */
  portalRedirectUri: string | undefined;
  /** Where the provider posts back in the server flow; undefined → this server's origin + the return route. */
  returnUri: string | undefined;
}

type Env = Record<string, string | undefined>;

const MICROSOFT_HOSTS =
  /^login\.(microsoftonline\.(com|us|de)|chinacloudapi\.cn|partner\.microsoftonline\.cn)$/;
const SHARED_TENANTS = /^\/(common|organizations|consumers)(\/|$)/;
const USER_NAME = /^[\w.-]+$/;

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

function httpUrl(variable: string, text: string, https = false): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(variable, `"${text}" is not a URL.`);
  }
  const schemes = https ? ['https:'] : ['http:', 'https:'];
  if (!schemes.includes(url.protocol)) {
    throw new ConfigError(
      variable,
      `"${text}" must start with ${https ? 'https://' : 'http:// or https://'}.`,
    );
  }
  if (url.search || url.hash)
    throw new ConfigError(variable, `"${text}" must not have a query or a fragment.`);
  return url;
}

function authorityOf(
  env: Env,
  protocolMode: 'AAD' | 'OIDC' | undefined,
): { authority: string; microsoft: boolean } {
  const text = env.PAI_OIDC_AUTHORITY;
  if (!text)
    throw new ConfigError(
      'PAI_OIDC_AUTHORITY',
      'is required with PAI_AUTHN_METHOD=OIDC (the issuer URL).',
    );
  const url = httpUrl('PAI_OIDC_AUTHORITY', text, true);
  const authority = url.href.replace(/\/+$/, '');
  const microsoft = MICROSOFT_HOSTS.test(url.hostname);
  if (microsoft && (protocolMode ?? 'AAD') === 'AAD') {
    // Tokens of a shared tenant carry each user's own tenant as issuer, so the issuer cannot be checked.
    if (SHARED_TENANTS.test(url.pathname)) {
      throw new ConfigError(
        'PAI_OIDC_AUTHORITY',
        'must name your tenant (its ID or domain), not common, organizations or consumers.',
      );
    }
    if (!authority.endsWith('/v2.0')) {
      throw new ConfigError(
        'PAI_OIDC_AUTHORITY',
        `must be the v2.0 issuer, e.g. https://${url.host}/<tenant ID>/v2.0.`,
      );
    }
  }
  return { authority, microsoft };
}

function protocolModeOf(env: Env): 'AAD' | 'OIDC' | undefined {
  const mode = env.PAI_OIDC_PROTOCOL_MODE;
  if (mode === undefined || mode === '') return undefined;
  if (mode !== 'AAD' && mode !== 'OIDC')
    throw new ConfigError('PAI_OIDC_PROTOCOL_MODE', `"${mode}" is not one of: AAD, OIDC.`);
  return mode;
}

function originsOf(env: Env): string[] {
  return list(env.PAI_OIDC_REDIRECT_ORIGINS).map((text) => {
    const url = httpUrl('PAI_OIDC_REDIRECT_ORIGINS', text);
    if (url.origin !== text.replace(/\/$/, '')) {
      throw new ConfigError(
        'PAI_OIDC_REDIRECT_ORIGINS',
        `"${text}" is not an origin (scheme://host[:port], no path).`,
      );
    }
    return url.origin;
  });
}

/** Reads and checks PAI_OIDC_*; a bad or missing setting throws a ConfigError naming the variable. */
export function loadOidcConfig(env: Env): OidcConfig {
  const explicitMode = protocolModeOf(env);
  const { authority, microsoft } = authorityOf(env, explicitMode);
  const clientId = env.PAI_OIDC_CLIENT_ID?.trim();
  if (!clientId)
    throw new ConfigError(
      'PAI_OIDC_CLIENT_ID',
      'is required with PAI_AUTHN_METHOD=OIDC (the application (client) ID).',
    );
  const flow = env.PAI_OIDC_FLOW || 'msal';
  if (flow !== 'msal' && flow !== 'server')
    throw new ConfigError('PAI_OIDC_FLOW', `"${flow}" is not one of: msal, server.`);
  const clientSecret = env.PAI_OIDC_CLIENT_SECRET || undefined;
  if (flow === 'server' && !clientSecret) {
    throw new ConfigError(
      'PAI_OIDC_CLIENT_SECRET',
      'is required with PAI_OIDC_FLOW=server (the server exchanges the code).',
    );
  }
  const adminUsers = list(env.PAI_OIDC_ADMIN_USERS);
  const badAdmin = adminUsers.find((name) => !USER_NAME.test(name));
  if (badAdmin !== undefined) {
    throw new ConfigError(
      'PAI_OIDC_ADMIN_USERS',
      `"${badAdmin}" is not a user name (letters, digits, "_", "." and "-").`,
    );
  }
  const usernameClaim = env.PAI_OIDC_USERNAME_CLAIM?.trim() || undefined;
  if (usernameClaim !== undefined && !/^[\w.:/-]+$/.test(usernameClaim)) {
    throw new ConfigError('PAI_OIDC_USERNAME_CLAIM', `"${usernameClaim}" is not a claim name.`);
  }
  const scopes = list(env.PAI_OIDC_SCOPES ?? 'openid profile email');
  if (!scopes.includes('openid')) scopes.unshift('openid');
  const optionalUrl = (variable: string) => {
    const text = env[variable];
    return text ? httpUrl(variable, text).href : undefined;
  };
  return {
    authority,
    clientId,
    clientSecret,
    flow,
    usernameClaim,
    adminUsers,
    adminGroup: env.PAI_OIDC_ADMIN_GROUP?.trim() || undefined,
    redirectOrigins: originsOf(env),
    scopes,
    protocolMode: explicitMode ?? (microsoft ? 'AAD' : 'OIDC'),
    portalRedirectUri: optionalUrl('PAI_OIDC_REDIRECT_URI'),
    returnUri: optionalUrl('PAI_OIDC_RETURN_URI'),
  };
}
