import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { PaiError } from '../errors.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';
import {
  VC_ROUTE_PREFIXES,
  assertAdmin,
  assertChangeableVcName,
} from '../virtual-clusters/vc-rules.ts';

const validateVcStatus = compileValidator<{ vcStatus: 'running' | 'stopped' }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['vcStatus'],
    properties: { vcStatus: { enum: ['stopped', 'running'] } },
  },
  'body',
);

/**
 * `PUT /api/v1/virtual-clusters/:vc/status` (admin): a stopped VC takes no new jobs; jobs already
 * in it go on, as with OpenPAI's stopped YARN queues.
 */
export function registerVcStatusPutRoute(app: FastifyInstance, services: Services): void {
  const { virtualClusters } = services;
  for (const prefix of VC_ROUTE_PREFIXES) {
    app.put<{ Params: { vc: string } }>(
      `${prefix}/:vc/status`,
      { onRequest: services.auth.notApplication },
      async (request, reply) => {
        const { vc } = request.params;
        assertChangeableVcName(vc);
        const { vcStatus } = validateVcStatus(request.body ?? {});
        assertAdmin(userOf(request));
        const stop = vcStatus === 'stopped';
        if (!virtualClusters.has(vc)) {
          const what = stop ? 'stop' : 'active';
          throw new PaiError(404, 'NoVirtualClusterError', `Vc ${vc} not found, can't ${what}`);
        }
        virtualClusters.store.setStopped(vc, stop);
        const message = stop ? `stop vc ${vc} successfully` : `active vc ${vc} successfully`;
        return reply.status(201).send({ message });
      },
    );
  }
}
