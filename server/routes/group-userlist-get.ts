import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { forbidden } from '../errors.ts';
import type { Services } from '../services.ts';
import { groupOf, membersOf } from '../virtual-clusters/groups.ts';

/** `GET /api/v2/group/:group/userlist` (admin): who is in the group. */
export function registerGroupUserListRoute(app: FastifyInstance, services: Services): void {
  app.get<{ Params: { group: string } }>(
    '/api/v2/group/:group/userlist',
    { onRequest: services.auth.required },
    async (request) => {
      if (!userOf(request).admin) throw forbidden('Non-admin is not allow to do this operation.');
      const { group } = request.params;
      groupOf(services.cluster, group);
      return membersOf(services.users.list(), services.cluster, group);
    },
  );
}
