import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrorBody, ClusterInfo } from '../contract/api-types.ts';
import type { ServerConfig } from './config.ts';
import { PaiError } from './errors.ts';
import type { Db } from './store/db.ts';

export interface AppContext {
  config: ServerConfig;
  db: Db;
}

const API_VERSION = '0.16.0';

/** Builds the HTTP app without listening; tests use `inject` or `listen({port: 0})`. */
export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });

  app.setErrorHandler((error: unknown, _request, reply) => {
    if (error instanceof PaiError) {
      return reply.status(error.status).send({ code: error.code, message: error.message } satisfies ApiErrorBody);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send({ code: 'PayloadTooLargeError', message: 'The request body is larger than 1 MiB.' });
    }
    if (status >= 400 && status < 500) {
      const message = (error as Error).message || 'The request is malformed.';
      return reply.status(400).send({ code: 'InvalidParametersError', message });
    }
    app.log.error(error);
    return reply.status(500).send({ code: 'UnknownError', message: 'An unexpected error occurred on the server.' });
  });

  app.get('/api/v1', async (): Promise<ClusterInfo> => ({
    name: 'PAI RESTful API',
    version: API_VERSION,
    launcherType: 'yarn',
    authnMethod: config.authnMethod,
  }));

  const hasPortal = existsSync(join(config.portalDir, 'index.html'));
  if (hasPortal) {
    await app.register(fastifyStatic, { root: config.portalDir, wildcard: false, index: false });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/') || !hasPortal || request.method !== 'GET') {
      return reply.status(404).send({ code: 'NoApiError', message: `API ${request.url} is not found.` });
    }
    // Client-side routes get the portal's index.html.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
