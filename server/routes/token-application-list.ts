import type { FastifyInstance } from 'fastify';
import type { ApplicationTokenList } from '../../contract/api-types.ts';
import { userOf } from '../auth/request-user.ts';
import type { Services } from '../services.ts';

/**
 * `GET /api/v1/token/application` (docs/api.md §3.5): the caller's application tokens that have not
 * expired, oldest first, by id (the server keeps no token in clear), with name and times.
 */
export function registerApplicationTokenList(app: FastifyInstance, services: Services): void {
  const { auth, tokens } = services;
  app.get(
    '/api/v1/token/application',
    { onRequest: auth.notApplication },
    async (request): Promise<ApplicationTokenList> => ({
      tokens: tokens.listApplication(userOf(request).username).map((record) => ({
        id: record.id,
        name: record.name,
        createdTime: record.createdTime,
        expiresTime: record.expiresTime,
      })),
    }),
  );
}
