import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrorBody } from '../contract/api-types.ts';
import type { ClusterConfig } from './cluster-config.ts';
import type { ServerConfig } from './config.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import { PaiError } from './errors.ts';
import { registerBodyParsers } from './http/body-parsers.ts';
import { withoutProxyPrefix } from './http/proxy-prefix.ts';
import { cspSourcesOf } from './http/content-security-policy.ts';
import { portalIndex } from './http/portal-index.ts';
import { storageError } from './http/storage-errors.ts';
import { portalCacheControl } from './http/portal-caching.ts';
import { registerResponseHeaders } from './http/response-headers.ts';
import { registerRequestLog } from './logging/request-log.ts';
import { logRuntimeTransitions } from './logging/runtime-log.ts';
import { registerOidcRoutes } from './routes/authn-oidc.ts';
import { registerOpenPaiAdminRoutes } from './routes/openpai-admin.ts';
import { portalRuntimeConfig, registerInfoRoutes } from './routes/info.ts';
import { registerLoginRoutes } from './routes/login.ts';
import { registerJobReadRoutes } from './routes/jobs-read.ts';
import { registerJobWriteRoutes } from './routes/jobs-write.ts';
import { registerSshKeyRoutes } from './routes/ssh-key.ts';
import { registerJobAttemptRoutes } from './routes/job-attempts.ts';
import { registerTaskLogRoutes } from './routes/task-logs.ts';
import { registerTaskMetricsRoutes } from './routes/task-metrics.ts';
import { DEFAULT_METRICS_INTERVAL_MS, TaskMetricsSampler } from './metrics/task-metrics-sampler.ts';
import { registerTokenRoutes } from './routes/token.ts';
import { registerApplicationTokenList } from './routes/token-application-list.ts';
import { registerUserRoutes } from './routes/users.ts';
import { registerVirtualClusterRoutes } from './routes/virtual-clusters.ts';
import type { JobRuntime } from './runtime/types.ts';
import { createServices } from './services.ts';
import type { Db } from './store/db.ts';

/** Where log lines go instead of stdout (tests that read the log). */
export interface LogDestination {
  write(line: string): void;
}

export interface AppContext {
  config: ServerConfig;
  logDestination?: LogDestination;
  db: Db;
  /** The local job runtime; without one, submitted jobs stay WAITING. */
  runtime?: JobRuntime;
  /** Defaults to PAI_CLUSTER_CONFIG (or this machine). */
  cluster?: ClusterConfig;
  loginThrottle?: LoginThrottle;
  /** How often running tasks' resources are sampled (PAI_METRICS_INTERVAL_MS); 5 s by default. */
  metricsIntervalMs?: number;
}

const BODY_LIMIT = 1024 * 1024;
const MAX_PARAM_LENGTH = 16 * 1024;

function routerError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .send({ code: 'InvalidParametersError', message: error.message } satisfies ApiErrorBody);
}

/** A hop count trusts that many proxies nearest the server (Fastify's types lack the number form). */
function trustProxyOption(
  trust: ServerConfig['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** Builds the HTTP app without listening; tests use `inject` or `listen({port: 0})`. */
export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const services = createServices(context);
  const { config } = context;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(context.logDestination ? { stream: context.logDestination } : {}),
    },
    // registerRequestLog writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // PAI_TRUST_PROXY: behind a reverse proxy the client address comes from X-Forwarded-For.
    trustProxy: trustProxyOption(config.trustProxy),
    // Tokens travel in URLs (DELETE /api/v1/token/:token); the default limit of 100 is too short.
    // OpenPAI's routes took a trailing slash (`GET /api/v1/token/`), and so do ours.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true },
    // Clients configured with a cluster's address call `<address>/rest-server/api/...`.
    rewriteUrl: (request) => withoutProxyPrefix(request.url ?? '/'),
    // Errors the router raises before any route (malformed URL encoding) get OpenPAI's envelope too.
    frameworkErrors: routerError,
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof PaiError) {
      const body: ApiErrorBody = { code: error.code, message: error.message };
      if (error.problems?.length) body.problems = error.problems;
      return reply.status(error.status).send(body);
    }
    const storage = storageError(error);
    if (storage) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(storage.status).send({ code: storage.code, message: storage.message });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply
        .status(413)
        .send({ code: 'PayloadTooLargeError', message: 'The request body is larger than 1 MiB.' });
    }
    if (status >= 400 && status < 500) {
      const message = (error as Error).message || 'The request is malformed.';
      return reply.status(400).send({ code: 'InvalidParametersError', message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ code: 'UnknownError', message: 'An unexpected error occurred on the server.' });
  });

  registerRequestLog(app);
  if (context.runtime) {
    const stopLogging = logRuntimeTransitions(context.runtime.events, app.log);
    app.addHook('onClose', async () => stopLogging());
  }
  await registerBodyParsers(app);
  registerResponseHeaders(app, cspSourcesOf(config));
  registerInfoRoutes(app, config, context.runtime);
  registerLoginRoutes(app, services);
  registerTokenRoutes(app, services);
  registerApplicationTokenList(app, services);
  registerOidcRoutes(app, services);
  registerUserRoutes(app, services);
  registerJobReadRoutes(app, services);
  registerJobWriteRoutes(app, services);
  registerTaskLogRoutes(app, services);
  registerJobAttemptRoutes(app, services);
  const sampler = new TaskMetricsSampler(
    context.db,
    context.metricsIntervalMs ?? DEFAULT_METRICS_INTERVAL_MS,
  );
  registerTaskMetricsRoutes(app, services, sampler.intervalMs);
  sampler.start();
  app.addHook('onClose', async () => sampler.stop());
  registerSshKeyRoutes(app, services);
  registerVirtualClusterRoutes(app, services);
  registerOpenPaiAdminRoutes(app, services);

  const hasPortal = existsSync(join(config.portalDir, 'index.html'));
  const indexHtml = portalIndex(config.portalDir, () => portalRuntimeConfig(config));
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html').header('Cache-Control', 'no-cache').send(indexHtml());
  if (hasPortal) {
    // wildcard: our own routes (e.g. /config.json) take precedence over files of the same name.
    await app.register(fastifyStatic, {
      root: config.portalDir,
      wildcard: true,
      index: false,
      cacheControl: false,
      setHeaders: (reply, file) =>
        reply.header('Cache-Control', portalCacheControl(config.portalDir, file)),
    });
    // The dashboard's URL is the root directory, which the static handler refuses to list.
    app.get('/', async (_request, reply) => sendIndex(reply));
    app.get('/index.html', async (_request, reply) => sendIndex(reply));
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/') || !hasPortal || request.method !== 'GET') {
      return reply
        .status(404)
        .send({ code: 'NoApiError', message: `API ${request.url} is not found.` });
    }
    // Client-side routes get the portal's index.html.
    return sendIndex(reply);
  });

  return app;
}
