import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.ts';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/**
 * `scheme://host[:port]` that absolute URLs (Location, links, redirect URIs) are built from:
 * PAI_PUBLIC_URL, else PAI_HOST and the port the server listens on. Never the Host header,
 * which any client can set.
 */
export function publicOrigin(
  config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>,
  app: FastifyInstance,
): string {
  if (config.publicUrl) return config.publicUrl;
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = WILDCARD_HOSTS.has(config.host) ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
