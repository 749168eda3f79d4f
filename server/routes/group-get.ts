import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { groupOf } from '../virtual-clusters/groups.ts';

/** `GET /api/v2/group/:group`, or 404 NoGroupError. */
export function registerGroupGetRoute(app: FastifyInstance, services: Services): void {
  app.get<{ Params: { group: string } }>(
    '/api/v2/group/:group',
    { onRequest: services.auth.required },
    async (request) => groupOf(services.cluster, request.params.group),
  );
}
