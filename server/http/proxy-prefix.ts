/**
 * OpenPAI's reverse proxy served the REST server under `/rest-server`, so its clients (the Python
 * SDK, the VS Code extension, scripts) call `<cluster>/rest-server/api/...`. The API answers there
 * too; only `/rest-server/api…` is rewritten, never the portal's own paths.
 */
export const PROXY_PREFIX = '/rest-server';

export function withoutProxyPrefix(url: string): string {
  const rest = url.slice(PROXY_PREFIX.length);
  const isApi =
    url.startsWith(PROXY_PREFIX) &&
    (rest === '/api' || rest.startsWith('/api/') || rest.startsWith('/api?'));
  return isApi ? rest : url;
}
