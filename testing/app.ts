import { mkdtempSync, rmSync } from 'node:fs';
import { killProcessesWorkingUnder } from './processes.ts';
import { apiClient, type ApiClient } from './http.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import type { LoginThrottle } from '../server/auth/login-throttle.ts';
import { parseClusterConfig, type ClusterConfig } from '../server/cluster-config.ts';
import { loadConfig, type ServerConfig } from '../server/config.ts';
import type { JobRuntime } from '../server/runtime/types.ts';
import { openDatabase, type Db } from '../server/store/db.ts';
import { UserStore } from '../server/store/users.ts';
import { ensureFirstAdmin } from '../server/users/first-admin.ts';
import { createUserAccount } from '../server/users/user-accounts.ts';

/** A fixed cluster, so tests do not depend on this machine's size. */
export const TEST_CLUSTER: ClusterConfig = parseClusterConfig({
  virtualClusters: {
    default: { cpus: 8, memoryMB: 32768, gpus: 4 },
    research: { cpus: 4, memoryMB: 8192, gpus: 0 },
  },
});

export const TEST_ADMIN = { username: 'admin', password: 'admin-password' };

export interface TestAppOptions {
  /** Reuse a data dir (restart tests); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Extra environment for loadConfig (PAI_*). */
  env?: Record<string, string>;
  cluster?: ClusterConfig;
  runtime?: (context: { config: ServerConfig; db: Db; cluster: ClusterConfig }) => JobRuntime;
  loginThrottle?: LoginThrottle;
  metricsIntervalMs?: number;
  /** Collect the server log here, parsed, at PAI_LOG_LEVEL (default `info`); else it is silent. */
  logLines?: Record<string, unknown>[];
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: ServerConfig;
  cluster: ClusterConfig;
  dataDir: string;
  runtime: JobRuntime | undefined;
  /** A token for the user (POST /api/v1/token). */
  login(username: string, password: string): Promise<string>;
  /** Creates a user with password `<name>-password` and returns a token for them. */
  addUser(
    username: string,
    options?: { admin?: boolean; virtualCluster?: string[] },
  ): Promise<string>;
  /** Closes app, runtime and database; removes the data dir unless `keepDataDir`. */
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

/** The real app on a real SQLite file in a temp dir, with the first admin created. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pai-test-'));
  const config = loadConfig({
    PAI_DATA_DIR: dataDir,
    PAI_PORTAL_DIR: join(dataDir, 'no-portal'),
    PAI_ADMIN_USERNAME: TEST_ADMIN.username,
    PAI_ADMIN_PASSWORD: TEST_ADMIN.password,
    PAI_LOG_LEVEL: options.logLines ? 'info' : 'silent',
    ...options.env,
  });
  const cluster = options.cluster ?? TEST_CLUSTER;
  const db = openDatabase(dataDir);
  const users = new UserStore(db);
  await ensureFirstAdmin(users, cluster, config);
  const runtime = options.runtime?.({ config, db, cluster });
  const logLines = options.logLines;
  const logDestination = logLines && {
    write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>),
  };
  const app = await buildApp({
    config,
    db,
    cluster,
    runtime,
    loginThrottle: options.loginThrottle,
    metricsIntervalMs: options.metricsIntervalMs,
    logDestination,
  });
  await runtime?.start();

  const login = async (username: string, password: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/token',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login of ${username} failed: ${response.body}`);
    return (response.json() as { token: string }).token;
  };

  return {
    app,
    db,
    config,
    cluster,
    dataDir,
    runtime,
    login,
    async addUser(username, userOptions = {}) {
      await createUserAccount(users, cluster, {
        username,
        password: `${username}-password`,
        ...userOptions,
      });
      return login(username, `${username}-password`);
    },
    async close(closeOptions = {}) {
      await runtime?.close();
      await app.close();
      db.close();
      if (!closeOptions.keepDataDir) {
        // The runtime leaves tasks running across restarts by design; a test app's end is final.
        killProcessesWorkingUnder(dataDir);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** API clients for a job's owner (alice, created here), another user (bob), the admin and nobody. */
export interface Callers {
  owner: ApiClient;
  other: ApiClient;
  admin: ApiClient;
  anonymous: ApiClient;
}

export async function createCallers(t: TestApp): Promise<Callers> {
  return {
    anonymous: apiClient(t.app),
    other: apiClient(t.app, await t.addUser('bob')),
    owner: apiClient(t.app, await t.addUser('alice')),
    admin: apiClient(t.app, await t.login(TEST_ADMIN.username, TEST_ADMIN.password)),
  };
}
