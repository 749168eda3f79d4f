import { resolve } from 'node:path';
import { loadOidcConfig, type OidcConfig } from './auth/oidc-config.ts';
import { ConfigError } from './config-error.ts';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  adminUsername: string;
  adminPassword: string | undefined;
  jwtSecret: string | undefined;
  /** Token lifetime in seconds. */
  tokenTtlSeconds: number;
  clusterConfigPath: string | undefined;
  authnMethod: 'basic' | 'OIDC';
  /** PAI_OIDC_* settings; present exactly when authnMethod is OIDC. */
  oidc: OidcConfig | undefined;
  /** Directory of the built portal (index.html, assets); absent → API only. */
  portalDir: string;
  /** PAI_PUBLIC_URL as an origin (`https://pai.example.com`); undefined → from host and port. */
  publicUrl: string | undefined;
  /** PAI_TRUST_PROXY as Fastify's trustProxy: false, true, a hop count or addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  /** PAI_PUBLIC_READS: job list, job status and VCs answer without a token (OpenPAI v0.16). */
  publicReads: boolean;
  /** PAI_LOG_LEVEL: pino level of the server log (JSON lines on stdout). */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Env = Record<string, string | undefined>;

function parseSwitch(variable: string, text: string | undefined): boolean {
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  throw new ConfigError(variable, `"${text}" is not one of: true, false.`);
}

/** Parses durations such as `7d`, `12h`, `30m`, `45s` or a number of seconds. */
export function parseDuration(variable: string, text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match)
    throw new ConfigError(variable, `"${text}" is not a duration (examples: 3600, 30m, 12h, 7d).`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds < 60) throw new ConfigError(variable, 'must be at least 60 seconds.');
  return seconds;
}

function parsePublicUrl(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('PAI_PUBLIC_URL', `"${text}" is not an absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError('PAI_PUBLIC_URL', 'must start with http:// or https://.');
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    throw new ConfigError(
      'PAI_PUBLIC_URL',
      'must be scheme://host[:port] only (no path, query, fragment or credentials).',
    );
  return url.origin;
}

function parseTrustProxy(text: string | undefined): boolean | number | string[] {
  const value = (text ?? 'false').trim();
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const addresses = value.split(',').map((part) => part.trim());
  if (addresses.some((address) => !/^[\da-fA-F.:/]+$/.test(address)))
    throw new ConfigError(
      'PAI_TRUST_PROXY',
      `"${value}" is not true, false, a number of proxies or a list of proxy addresses.`,
    );
  return addresses;
}

export function loadConfig(env: Env = process.env): ServerConfig {
  const port = Number(env.PAI_PORT ?? '9186');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PAI_PORT', `"${env.PAI_PORT}" is not a TCP port (0–65535).`);
  }
  const authnMethod = env.PAI_AUTHN_METHOD ?? 'basic';
  if (authnMethod !== 'basic' && authnMethod !== 'OIDC') {
    throw new ConfigError('PAI_AUTHN_METHOD', `"${authnMethod}" is not one of: basic, OIDC.`);
  }
  const logLevel = env.PAI_LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new ConfigError(
      'PAI_LOG_LEVEL',
      `"${logLevel}" is not one of: ${LOG_LEVELS.join(', ')}.`,
    );
  const adminUsername = env.PAI_ADMIN_USERNAME ?? 'admin';
  if (!/^[\w.-]+$/.test(adminUsername)) {
    throw new ConfigError(
      'PAI_ADMIN_USERNAME',
      'may contain only letters, digits, "_", "." and "-".',
    );
  }
  if (env.PAI_ADMIN_PASSWORD !== undefined && env.PAI_ADMIN_PASSWORD.length < 6) {
    throw new ConfigError('PAI_ADMIN_PASSWORD', 'must be at least 6 characters long.');
  }
  if (env.PAI_JWT_SECRET !== undefined && env.PAI_JWT_SECRET.length < 32) {
    throw new ConfigError('PAI_JWT_SECRET', 'must be at least 32 characters long.');
  }
  return {
    host: env.PAI_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.PAI_DATA_DIR ?? '.pai-data'),
    adminUsername,
    adminPassword: env.PAI_ADMIN_PASSWORD,
    jwtSecret: env.PAI_JWT_SECRET,
    tokenTtlSeconds: parseDuration('PAI_TOKEN_TTL', env.PAI_TOKEN_TTL ?? '7d'),
    clusterConfigPath: env.PAI_CLUSTER_CONFIG,
    authnMethod,
    oidc: authnMethod === 'OIDC' ? loadOidcConfig(env) : undefined,
    portalDir: resolve(env.PAI_PORTAL_DIR ?? 'dist'),
    publicUrl: parsePublicUrl(env.PAI_PUBLIC_URL),
    trustProxy: parseTrustProxy(env.PAI_TRUST_PROXY),
    publicReads: parseSwitch('PAI_PUBLIC_READS', env.PAI_PUBLIC_READS),
    logLevel: logLevel as LogLevel,
  };
}
