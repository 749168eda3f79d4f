import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { groupsOf } from '../virtual-clusters/groups.ts';

/** `GET /api/v2/group`: the admin group and one group per virtual cluster. */
export function registerGroupListRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/v2/group', { onRequest: services.auth.required }, async () =>
    groupsOf(services.cluster),
  );
}
