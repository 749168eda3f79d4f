import { randomBytes } from 'node:crypto';
import { createAuthenticator, type Authenticator } from './auth/request-user.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { readOrCreateSecret } from './auth/secrets.ts';
import { TokenService } from './auth/token-service.ts';
import { loadClusterConfig, type ClusterConfig } from './cluster-config.ts';
import type { ServerConfig } from './config.ts';
import type { JobRuntime } from './runtime/types.ts';
import type { Db } from './store/db.ts';
import { JobStore } from './store/jobs.ts';
import { TokenStore } from './store/tokens.ts';
import { UserStore } from './store/users.ts';
import { VirtualClusterRegistry } from './virtual-clusters/registry.ts';

/** What the routes work with; built once per app. */
export interface Services {
  config: ServerConfig;
  db: Db;
  cluster: ClusterConfig;
  runtime: JobRuntime | undefined;
  users: UserStore;
  tokens: TokenStore;
  jobs: JobStore;
  tokenService: TokenService;
  loginThrottle: LoginThrottle;
  auth: Authenticator;
  /** Configured and API-made virtual clusters; keeps `cluster` up to date. */
  virtualClusters: VirtualClusterRegistry;
}

export const JWT_SECRET_FILE = 'jwt-secret';

export function createServices(context: {
  config: ServerConfig;
  db: Db;
  runtime?: JobRuntime;
  cluster?: ClusterConfig;
  /** Defaults to one with room for 10,000 (user, address) pairs. */
  loginThrottle?: LoginThrottle;
}): Services {
  const { config, db } = context;
  const secret =
    config.jwtSecret ??
    readOrCreateSecret(config.dataDir, JWT_SECRET_FILE, () =>
      randomBytes(48).toString('base64url'),
    );
  const users = new UserStore(db);
  const tokens = new TokenStore(db);
  const tokenService = new TokenService(secret, tokens);
  const cluster = context.cluster ?? loadClusterConfig(config.clusterConfigPath);
  return {
    config,
    db,
    cluster,
    runtime: context.runtime,
    users,
    tokens,
    jobs: new JobStore(db),
    tokenService,
    loginThrottle: context.loginThrottle ?? new LoginThrottle(),
    auth: createAuthenticator(tokenService, users),
    virtualClusters: new VirtualClusterRegistry(db, cluster),
  };
}
