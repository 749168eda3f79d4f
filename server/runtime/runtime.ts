import type { ClusterConfig } from '../cluster-config.ts';
import { ConfigError } from '../config-error.ts';
import type { ServerConfig } from '../config.ts';
import type { Db } from '../store/db.ts';
import { slurmIsolation, type IsolationSetting } from './isolation.ts';
import type { RuntimeOptions } from './options.ts';
import type { JobRuntime } from './types.ts';

/**
 * The runtime interface the API routes drive (submit/enqueue, stop, remove, usage, SSH, logs,
 * recovery in `start()`), and the choice of backend. Both backends own the job's status columns
 * and `tasks` rows once a job is enqueued; the routes, the store and the portal never know which
 * one runs the jobs.
 */
export type { JobRuntime, TaskLog, VirtualClusterUsage } from './types.ts';

export const RUNTIME_KINDS = ['local', 'slurm'] as const;
export type RuntimeKind = (typeof RUNTIME_KINDS)[number];

/** `PAI_RUNTIME`: `local` (default) runs jobs on this machine, `slurm` on a Slurm cluster. */
export function runtimeKindFromEnv(
  env: Record<string, string | undefined> = process.env,
): RuntimeKind {
  const kind = env.PAI_RUNTIME ?? 'local';
  if (!(RUNTIME_KINDS as readonly string[]).includes(kind))
    throw new ConfigError('PAI_RUNTIME', `"${kind}" is not one of: ${RUNTIME_KINDS.join(', ')}.`);
  return kind as RuntimeKind;
}

export interface RuntimeDeps {
  config: Pick<ServerConfig, 'host' | 'dataDir' | 'clusterConfigPath'>;
  db: Db;
  cluster: ClusterConfig;
  options?: Partial<RuntimeOptions>;
}

/** A backend: the VCs it offers (Slurm: from its partitions) and the runtime itself. */
export interface RuntimeBackend {
  cluster: ClusterConfig;
  create(deps: Omit<RuntimeDeps, 'cluster'>): JobRuntime;
}

/**
 * Refuses, before anything talks to Slurm, a setting the backend cannot honour:
 * PAI_TASK_ISOLATION=required with PAI_RUNTIME=slurm.
 */
export function checkBackendSettings(kind: RuntimeKind, isolation: IsolationSetting): void {
  if (kind === 'slurm') slurmIsolation(isolation);
}

/** Builds the chosen backend; loaded lazily so the local server never touches Slurm's code. */
export async function loadBackend(
  kind: RuntimeKind,
  clusterConfigPath: string | undefined,
  localCluster: () => ClusterConfig,
): Promise<RuntimeBackend> {
  if (kind === 'slurm') {
    const { slurmBackend } = await import('./slurm/slurm-runtime.ts');
    return slurmBackend(clusterConfigPath);
  }
  const { LocalRuntime } = await import('./local-runtime.ts');
  const cluster = localCluster();
  return { cluster, create: (deps) => new LocalRuntime({ ...deps, cluster }) };
}
