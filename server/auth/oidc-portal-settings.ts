import type { OidcConfig } from './oidc-config.ts';

/** What the portal's config.json says about Azure AD sign-in: everything MSAL needs, never the secret. */
export interface PortalOidcSettings {
  authnFlow: 'msal' | 'server';
  clientId: string;
  authority: string;
  redirectUri?: string;
  scopes: string[];
  knownAuthorities: string[];
  protocolMode: 'AAD' | 'OIDC';
}

export function portalOidcSettings(oidc: OidcConfig): PortalOidcSettings {
  const authorityHost = new URL(oidc.authority).host;
  return {
    authnFlow: oidc.flow,
    clientId: oidc.clientId,
    // MSAL adds /v2.0 itself for Microsoft's authorities.
    authority:
      oidc.protocolMode === 'AAD' ? oidc.authority.replace(/\/v2\.0$/, '') : oidc.authority,
    ...(oidc.portalRedirectUri ? { redirectUri: oidc.portalRedirectUri } : {}),
    scopes: oidc.scopes,
    knownAuthorities: oidc.protocolMode === 'AAD' ? [] : [authorityHost],
    protocolMode: oidc.protocolMode,
  };
}
