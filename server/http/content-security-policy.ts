import type { ServerConfig } from '../config.ts';

/** Extra sources a deployment needs, e.g. an OIDC authority the browser talks to. */
export interface CspSources {
  connectSrc?: string[];
}

/** With Azure AD sign-in, MSAL in the page fetches the authority's metadata and tokens. */
export function cspSourcesOf(config: Pick<ServerConfig, 'oidc'>): CspSources {
  return config.oidc ? { connectSrc: [new URL(config.oidc.authority).origin] } : {};
}

/**
 * The Content-Security-Policy of portal pages. Styles allow 'unsafe-inline' because Fluent UI and
 * Monaco inject inline styles; scripts never do.
 */
export function contentSecurityPolicy(sources: CspSources = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", ...(sources.connectSrc ?? [])],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
