import { join } from 'node:path';
import { buildApp } from '../app.ts';
import { loadClusterConfig } from '../cluster-config.ts';
import { loadConfig } from '../config.ts';
import { isolationWarnings } from '../runtime/isolation.ts';
import { runtimeOptionsFromEnv } from '../runtime/options.ts';
import { checkBackendSettings, loadBackend, runtimeKindFromEnv } from '../runtime/runtime.ts';
import { openDatabase } from '../store/db.ts';
import { storageStartupError } from '../store/open-error.ts';
import { UserStore } from '../store/users.ts';
import { ADMIN_PASSWORD_FILE, ensureFirstAdmin } from '../users/first-admin.ts';
import { scrubEnvironment } from './scrub-environment.ts';

async function startServices<T>(dataDir: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    throw storageStartupError('start on the data directory', dataDir, dataDir, error);
  }
}

/** `serve`: the API and the built portal, with the job runtime PAI_RUNTIME names. */
export async function serve(): Promise<void> {
  // Everything the server creates (database, secrets, logs, keys) is its own: 0600 / 0700.
  process.umask(0o077);
  // A last line of defence: one job's error ends that job (runtime), never the server.
  process.on('unhandledRejection', (error) =>
    console.error(`Unhandled error, the server keeps serving: ${(error as Error)?.stack ?? error}`),
  );
  const config = loadConfig();
  // Secrets do not stay in the environment, where child processes would inherit them, nor in
  // /proc/<pid>/environ.
  const secrets = ['PAI_ADMIN_PASSWORD', 'PAI_JWT_SECRET'].filter((name) => name in process.env);
  if (secrets.length > 0 && !scrubEnvironment(secrets))
    console.warn(
      `Could not clear ${secrets.join(' and ')} from /proc/${process.pid}/environ; root and this server's user can read them there.`,
    );
  const kind = runtimeKindFromEnv();
  const runtimeOptions = runtimeOptionsFromEnv();
  checkBackendSettings(kind, runtimeOptions.isolation);
  const backend = await loadBackend(kind, config.clusterConfigPath, () =>
    loadClusterConfig(config.clusterConfigPath),
  );
  const { cluster } = backend;
  // Secrets, first admin and recovery write to the data dir: a full or read-only disk is one line.
  const started = await startServices(config.dataDir, async () => {
    const db = openDatabase(config.dataDir);
    const firstAdmin = await ensureFirstAdmin(new UserStore(db), cluster, config);
    const runtime = backend.create({ config, db, options: runtimeOptions });
    const metricsIntervalMs = Number(process.env.PAI_METRICS_INTERVAL_MS ?? '') || undefined;
    const app = await buildApp({ config, db, cluster, runtime, metricsIntervalMs });
    // Recovery settles and re-tracks tasks before the first request is answered.
    await runtime.start();
    return { db, firstAdmin, runtime, app };
  });
  const { db, firstAdmin, runtime, app } = started;
  const isolation = runtime.isolation?.();
  for (const warning of isolation ? isolationWarnings(isolation) : []) console.warn(warning);
  const address = await app.listen({ host: config.host, port: config.port });
  if (firstAdmin?.generatedPassword) {
    console.log(
      `Created administrator "${firstAdmin.username}" with password: ${firstAdmin.generatedPassword}`,
    );
    console.log(
      `(shown only this once; also stored in ${join(config.dataDir, ADMIN_PASSWORD_FILE)}, mode 0600)`,
    );
  } else if (firstAdmin) {
    console.log(
      `Created administrator "${firstAdmin.username}" with the password in PAI_ADMIN_PASSWORD.`,
    );
  }
  console.log(`PAI Portal is serving at ${address}`);
  const close = async () => {
    await runtime.close();
    await app.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}
