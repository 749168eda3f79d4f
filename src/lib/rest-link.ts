import { runtimeConfig } from './runtime-config.ts';

/**
 * The REST path of a link the server gave (`privateKeyDirectDownloadLink`, `containerLog`), or
 * null when it points elsewhere: the bearer token is only ever sent to the REST server.
 */
export function restServerPath(link: string): string | null {
  const base = runtimeConfig().restServerUri || window.location.origin;
  let url: URL;
  try {
    url = new URL(link, base);
  } catch {
    return null;
  }
  const server = new URL(base, window.location.origin);
  if (url.origin !== server.origin) return null;
  const prefix = server.pathname.replace(/\/$/, '');
  if (!url.pathname.startsWith(`${prefix}/`)) return null;
  return url.pathname.slice(prefix.length) + url.search;
}
