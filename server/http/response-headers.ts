import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy, type CspSources } from './content-security-policy.ts';

const isApiPath = (url: string) =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Security headers on every response, the CSP on portal responses, and CORS on the API: like
 * OpenPAI, any origin may call it; credentials are bearer tokens, never cookies.
 */
export function registerResponseHeaders(app: FastifyInstance, csp: CspSources = {}): void {
  const policy = contentSecurityPolicy(csp);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (isApiPath(request.url)) {
      reply.header('Access-Control-Allow-Origin', '*');
      reply.header('Access-Control-Expose-Headers', 'Location, X-Warning, Retry-After');
    } else {
      reply.header('Content-Security-Policy', policy);
    }
    return payload;
  });

  // CORS preflight for any API path.
  app.options('/api/*', async (_request, reply) =>
    reply
      .status(204)
      .header('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .header('Access-Control-Max-Age', '600')
      .send(),
  );
}
