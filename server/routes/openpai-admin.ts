import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { registerGroupGetRoute } from './group-get.ts';
import { registerGroupListRoute } from './group-list-get.ts';
import { registerGroupUserListRoute } from './group-userlist-get.ts';
import { registerGroupWriteRoutes } from './group-writes.ts';
import { registerUserAdminPutRoute } from './user-admin-put.ts';
import { registerVcDeleteRoute } from './vc-delete.ts';
import { registerVcPutRoute } from './vc-put.ts';
import { registerVcStatusPutRoute } from './vc-status-put.ts';

/** OpenPAI v0.16's administration routes: VC changes, the admin flag, groups. */
export function registerOpenPaiAdminRoutes(app: FastifyInstance, services: Services): void {
  registerVcPutRoute(app, services);
  registerVcDeleteRoute(app, services);
  registerVcStatusPutRoute(app, services);
  registerUserAdminPutRoute(app, services);
  registerGroupListRoute(app, services);
  registerGroupGetRoute(app, services);
  registerGroupUserListRoute(app, services);
  registerGroupWriteRoutes(app, services);
}
