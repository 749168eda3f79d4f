import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { forbidden } from '../errors.ts';
import type { Services } from '../services.ts';
import { noUserToChange } from '../users/user-accounts.ts';
import { compileValidator } from '../validation/schema-validator.ts';

const validateAdminFlag = compileValidator<{ admin: boolean }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['admin'],
    properties: { admin: { type: 'boolean' } },
  },
  'body',
);

/** `PUT /api/v2/user/:username/admin` (admin): makes a user an admin, or no longer one. */
export function registerUserAdminPutRoute(app: FastifyInstance, services: Services): void {
  app.put<{ Params: { username: string } }>(
    '/api/v2/user/:username/admin',
    { onRequest: services.auth.notApplication },
    async (request, reply) => {
      // Refused before the body is read: a non-admin learns nothing about the input rules.
      if (!userOf(request).admin) throw forbidden('Non-admin is not allow to do this operation.');
      const { admin } = validateAdminFlag(request.body ?? {});
      const { username } = request.params;
      if (!services.users.get(username)) throw noUserToChange(username);
      services.users.setAdmin(username, admin);
      return reply.status(201).send({ message: 'Update user admin permission successfully.' });
    },
  );
}
