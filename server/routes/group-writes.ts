import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { PaiError, forbidden } from '../errors.ts';
import type { Services } from '../services.ts';

const WRITES = [
  ['POST', '/api/v2/group'],
  ['DELETE', '/api/v2/group/:group'],
  ['PUT', '/api/v2/group/:group/description'],
  ['PUT', '/api/v2/group/:group/externalname'],
  ['PUT', '/api/v2/group/:group/extension'],
  ['PUT', '/api/v2/group/:group/extension/*'],
] as const;

/**
 * OpenPAI v0.16's group writes. Groups here follow from the virtual clusters and the admin flag
 * (virtual-clusters/groups.ts), so they are changed there: 501 NotImplementedError names how.
 */
export function registerGroupWriteRoutes(app: FastifyInstance, services: Services): void {
  for (const [method, url] of WRITES) {
    app.route({
      method,
      url,
      onRequest: services.auth.notApplication,
      handler: async (request) => {
        if (!userOf(request).admin) throw forbidden('Non-admin is not allow to do this operation.');
        throw new PaiError(
          501,
          'NotImplementedError',
          'Groups follow virtual clusters on this server: create or remove a group with ' +
            'PUT or DELETE /api/v1/virtual-clusters/:vc; make a user admin with ' +
            'PUT /api/v2/user/:username/admin.',
        );
      },
    });
  }
}
