import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ConfigError } from './config-error.ts';

export interface VirtualClusterCapacity {
  cpus: number;
  memoryMB: number;
  gpus: number;
}

export interface ClusterConfig {
  virtualClusters: Record<string, VirtualClusterCapacity>;
  /** Set when the runtime owns the VCs (Slurm partitions): the API cannot make or remove one. */
  fixedReason?: string;
}

const VARIABLE = 'PAI_CLUSTER_CONFIG';
const VC_NAME = /^[A-Za-z0-9_]+$/;

/** The default cluster: one `default` VC with this machine's CPUs and memory, and no GPUs. */
export function defaultClusterConfig(): ClusterConfig {
  return {
    virtualClusters: {
      default: { cpus: cpus().length, memoryMB: Math.floor(totalmem() / 1024 / 1024), gpus: 0 },
    },
  };
}

/**
 * Reads `PAI_CLUSTER_CONFIG`, a JSON file such as
 * `{"virtualClusters": {"default": {"cpus": 8, "memoryMB": 32768, "gpus": 4}}}`.
 */
export function loadClusterConfig(path: string | undefined): ClusterConfig {
  if (!path) return defaultClusterConfig();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(VARIABLE, `cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  return parseClusterConfig(parsed);
}

export function parseClusterConfig(parsed: unknown): ClusterConfig {
  const vcs = (parsed as { virtualClusters?: unknown } | null)?.virtualClusters;
  if (
    typeof vcs !== 'object' ||
    vcs === null ||
    Array.isArray(vcs) ||
    Object.keys(vcs).length === 0
  ) {
    throw new ConfigError(VARIABLE, 'must be an object with a non-empty "virtualClusters" object.');
  }
  const virtualClusters: Record<string, VirtualClusterCapacity> = {};
  for (const [name, value] of Object.entries(vcs as Record<string, unknown>)) {
    if (!VC_NAME.test(name))
      throw new ConfigError(VARIABLE, `virtual cluster name "${name}" must match ${VC_NAME}.`);
    const capacity = value as Partial<VirtualClusterCapacity> | null;
    const field = (key: keyof VirtualClusterCapacity, min: number): number => {
      const n = capacity?.[key] ?? (key === 'gpus' ? 0 : undefined);
      if (!Number.isInteger(n) || (n as number) < min) {
        throw new ConfigError(
          VARIABLE,
          `virtualClusters.${name}.${key} must be an integer >= ${min}.`,
        );
      }
      return n as number;
    };
    virtualClusters[name] = {
      cpus: field('cpus', 1),
      memoryMB: field('memoryMB', 1),
      gpus: field('gpus', 0),
    };
  }
  return { virtualClusters };
}
