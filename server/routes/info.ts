import type { FastifyInstance } from 'fastify';
import type { AuthnInfo, ClusterInfo } from '../../contract/api-types.ts';
import { portalOidcSettings, type PortalOidcSettings } from '../auth/oidc-portal-settings.ts';
import type { ServerConfig } from '../config.ts';
import type { JobRuntime } from '../runtime/types.ts';

/** OpenPAI's version this server speaks (docs/api.md §0). */
export const API_VERSION = '0.16.0';

/** The portal's runtime config when this server serves the portal: same origin, this sign-in method. */
export interface PortalRuntimeConfig extends Partial<PortalOidcSettings> {
  restServerUri: string;
  authnMethod: 'basic' | 'OIDC';
}

/** Cluster info, sign-in info and the portal's config.json (docs/api.md §3.1, §3.2). */
export function registerInfoRoutes(
  app: FastifyInstance,
  config: ServerConfig,
  runtime: JobRuntime | undefined,
): void {
  app.get('/api/v1', async (): Promise<ClusterInfo> => {
    const taskIsolation = runtime?.isolation?.() ?? undefined;
    return {
      name: 'PAI RESTful API',
      version: API_VERSION,
      launcherType: 'yarn',
      authnMethod: config.authnMethod,
      ...(taskIsolation ? { taskIsolation } : {}),
    };
  });

  app.get('/api/v1/authn/info', async (): Promise<AuthnInfo> =>
    config.authnMethod === 'OIDC'
      ? { authn_type: 'OIDC', loginURI: '/api/v1/authn/oidc/login', loginURIMethod: 'get' }
      : { authn_type: 'basic', loginURI: '/api/v1/authn/basic/login', loginURIMethod: 'post' },
  );

  app.get('/config.json', async (_request, reply): Promise<PortalRuntimeConfig> => {
    reply.header('Cache-Control', 'no-cache');
    return portalRuntimeConfig(config);
  });
}

/** What config.json says, and what index.html carries inline when this server serves the portal. */
export function portalRuntimeConfig(config: ServerConfig): PortalRuntimeConfig {
  return {
    restServerUri: '',
    authnMethod: config.authnMethod,
    ...(config.oidc ? portalOidcSettings(config.oidc) : {}),
  };
}
