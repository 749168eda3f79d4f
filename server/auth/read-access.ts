import type { FastifyRequest } from 'fastify';
import type { Services } from '../services.ts';

/**
 * The onRequest hook of the reads OpenPAI v0.16 served to anyone: the job list, job status and
 * virtual clusters. With PAI_PUBLIC_READS on, a request without an Authorization header passes
 * as a guest (`request.user` stays unset); a header that is present must still be valid.
 * Configs, SSH info, keys and logs never use this hook.
 */
export function publicReadHook(services: Services): (request: FastifyRequest) => Promise<void> {
  const { auth, config } = services;
  if (!config.publicReads) return auth.required;
  return async (request) => {
    if (request.headers.authorization !== undefined) await auth.required(request);
  };
}
