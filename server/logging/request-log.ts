import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The URL as logged: a token in the path (DELETE /api/v1/token/:token) is replaced by the route
 * pattern, and sign-in callbacks lose their query (authorization codes).
 */
export function loggedUrl(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  if (route?.includes(':token')) return route;
  const path = request.url.split('?')[0] ?? '';
  return path.includes('/authn/') ? path : request.url;
}

/** One line per answered request, at info (Fastify's own pair of lines is turned off). */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: loggedUrl(request),
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
