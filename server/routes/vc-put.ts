import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { PaiError } from '../errors.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';
import {
  ADMIN_GROUP,
  VC_ROUTE_PREFIXES,
  assertAdmin,
  assertChangeableVcName,
  readOnlyVc,
} from '../virtual-clusters/vc-rules.ts';

interface VcPutBody {
  vcCapacity: number;
  vcMaxCapacity?: number;
  description?: string;
  externalName?: string;
}

/** OpenPAI's `vcCreateInputSchema` (config/vc.js): percentages, max not below capacity. */
const validateVcPut = compileValidator<VcPutBody>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['vcCapacity'],
    properties: {
      vcCapacity: { type: 'number', minimum: 0, maximum: 100 },
      vcMaxCapacity: { type: 'number', minimum: 0, maximum: 100 },
      description: { type: 'string', maxLength: 1024 },
      externalName: { type: 'string', maxLength: 256 },
    },
  },
  'body',
);

/**
 * `PUT /api/v1/virtual-clusters/:vc` (admin): creates the VC, or changes its capacity, as a
 * percentage of the configured `default` VC, which keeps the rest. 201 either way.
 */
export function registerVcPutRoute(app: FastifyInstance, services: Services): void {
  const { virtualClusters } = services;
  for (const prefix of VC_ROUTE_PREFIXES) {
    app.put<{ Params: { vc: string } }>(
      `${prefix}/:vc`,
      { onRequest: services.auth.notApplication },
      async (request, reply) => {
        const { vc } = request.params;
        assertChangeableVcName(vc);
        const body = validateVcPut(request.body ?? {});
        const maxCapacity = body.vcMaxCapacity ?? body.vcCapacity;
        if (maxCapacity < body.vcCapacity) {
          throw new PaiError(
            400,
            'InvalidParametersError',
            'child "vcMaxCapacity" fails because ["vcMaxCapacity" must be larger than or equal to vcCapacity]',
          );
        }
        assertAdmin(userOf(request));
        if (vc === ADMIN_GROUP) {
          throw new PaiError(409, 'ConflictVcError', `Group name ${vc} already exists.`);
        }
        const { fixedReason } = virtualClusters;
        if (fixedReason !== undefined) throw readOnlyVc(vc, 'updated', fixedReason);
        if (virtualClusters.isConfigured(vc)) throw readOnlyVc(vc, 'updated');
        if (!virtualClusters.hasDefault()) {
          throw new PaiError(
            404,
            'NoVirtualClusterError',
            "No default vc found, can't allocate quota",
          );
        }
        if (virtualClusters.quotaLeftWith(vc, body.vcCapacity) < 0) {
          throw new PaiError(403, 'NoEnoughQuotaError', 'No enough quota');
        }
        const created = !virtualClusters.has(vc);
        virtualClusters.put({
          name: vc,
          capacity: body.vcCapacity,
          maxCapacity,
          description: body.description ?? '',
          externalName: body.externalName ?? '',
        });
        const verb = created ? 'create' : 'update';
        return reply
          .status(201)
          .send({ message: `${verb} vc: ${vc} to capacity: ${body.vcCapacity} successfully` });
      },
    );
  }
}
