import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { PaiError, forbidden } from '../errors.ts';
import type { Services } from '../services.ts';
import {
  ADMIN_GROUP,
  VC_ROUTE_PREFIXES,
  assertAdmin,
  assertChangeableVcName,
  readOnlyVc,
} from '../virtual-clusters/vc-rules.ts';

/**
 * `DELETE /api/v1/virtual-clusters/:vc` (admin): its share goes back to `default` and users lose
 * the grant. A VC with jobs that have not ended stays (403 RemoveRunningVcError).
 */
export function registerVcDeleteRoute(app: FastifyInstance, services: Services): void {
  const { virtualClusters } = services;
  for (const prefix of VC_ROUTE_PREFIXES) {
    app.delete<{ Params: { vc: string } }>(
      `${prefix}/:vc`,
      { onRequest: services.auth.notApplication },
      async (request, reply) => {
        const { vc } = request.params;
        assertChangeableVcName(vc);
        assertAdmin(userOf(request));
        if (vc === ADMIN_GROUP) {
          throw forbidden(`The name '${vc}' is occupied by admin group.`);
        }
        const { fixedReason } = virtualClusters;
        if (fixedReason !== undefined) throw readOnlyVc(vc, 'removed', fixedReason);
        if (!virtualClusters.has(vc)) {
          throw new PaiError(404, 'NoVirtualClusterError', `Can't delete a nonexistent vc ${vc}`);
        }
        if (virtualClusters.isConfigured(vc)) throw readOnlyVc(vc, 'removed');
        const unfinished = virtualClusters.store.unfinishedJobs(vc);
        if (unfinished > 0) {
          throw new PaiError(
            403,
            'RemoveRunningVcError',
            `Can't delete vc ${vc}, ${unfinished} jobs are running, stop them before delete vc`,
          );
        }
        virtualClusters.remove(vc);
        return reply.status(201).send({ message: `Remove vc: ${vc} successfully` });
      },
    );
  }
}
