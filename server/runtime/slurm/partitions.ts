import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ClusterConfig } from '../../cluster-config.ts';
import { ConfigError } from '../../config-error.ts';
import type { VirtualClusterUsage } from '../types.ts';
import { slurm, slurmEnv } from './slurm-cli.ts';

/** Virtual clusters are Slurm partitions: VC name → partition name. */
export type PartitionMap = Record<string, string>;

interface NodeView {
  name: string;
  addr: string;
  partitions: string[];
  cpus: number;
  memoryMB: number;
  gpus: number;
  usedCpus: number;
  usedMemoryMB: number;
  usedGpus: number;
}

const field = (line: string, name: string): string =>
  new RegExp(`(?:^| )${name}=(\\S*)`).exec(line)?.[1] ?? '';
const gpuCount = (gres: string): number =>
  gres
    .split(',')
    .map((item) => /^gpu(?::[^:(]+)?:(\d+)/.exec(item)?.[1])
    .reduce((sum, n) => sum + Number(n ?? 0), 0);

export function parseNodes(text: string): NodeView[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('NodeName='))
    .map((line) => ({
      name: field(line, 'NodeName'),
      addr: field(line, 'NodeAddr'),
      partitions: field(line, 'Partitions').split(',').filter(Boolean),
      cpus: Number(field(line, 'CPUTot')) || 0,
      memoryMB: Number(field(line, 'RealMemory')) || 0,
      gpus: gpuCount(field(line, 'Gres')),
      usedCpus: Number(field(line, 'CPUAlloc')) || 0,
      usedMemoryMB: Number(field(line, 'AllocMem')) || 0,
      usedGpus: gpuCount(field(line, 'GresUsed')),
    }));
}

/**
 * `PAI_CLUSTER_CONFIG` for Slurm: `{"partitions": {"default": "batch", "gpu": "gpu"}}`. Without
 * it, every partition is a VC of its own name, and Slurm's default partition is also `default`.
 */
export function loadPartitionMap(path: string | undefined, partitionsText: string): PartitionMap {
  if (path) {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { partitions?: unknown };
    if (typeof parsed.partitions !== 'object' || parsed.partitions === null)
      throw new ConfigError(
        'PAI_CLUSTER_CONFIG',
        'with PAI_RUNTIME=slurm it must map VCs to partitions: {"partitions": {"default": "batch"}}.',
      );
    return parsed.partitions as PartitionMap;
  }
  const map: PartitionMap = {};
  for (const line of partitionsText.split('\n')) {
    const name = field(line, 'PartitionName');
    if (!name) continue;
    if (field(line, 'Default') === 'YES' && !map.default) map.default = name;
    else if (/^[A-Za-z0-9_]+$/.test(name)) map[name] = name;
  }
  return map;
}

const scontrolSync = (args: string[]) =>
  execFileSync('scontrol', ['-o', ...args], { env: slurmEnv() }).toString();

/** VCs with the capacity of their partitions' nodes, read once at start. */
export function slurmClusterConfig(path: string | undefined): {
  cluster: ClusterConfig;
  partitions: PartitionMap;
  /** Node name → address, so that tasks need not ask slurmctld for their own. */
  nodeAddrs: Record<string, string>;
} {
  let partitionsText: string;
  let nodesText: string;
  try {
    partitionsText = scontrolSync(['show', 'partition']);
    nodesText = scontrolSync(['-d', 'show', 'node']);
  } catch (error) {
    throw new ConfigError(
      'PAI_RUNTIME',
      `slurm: cannot reach the Slurm cluster (is SLURM_CONF set? \`npm run slurm -- start\` starts a local one): ${(error as Error).message}`,
    );
  }
  const partitions = loadPartitionMap(path, partitionsText);
  const nodes = parseNodes(nodesText);
  const cluster: ClusterConfig = {
    virtualClusters: {},
    fixedReason: 'virtual clusters are Slurm partitions on this server',
  };
  for (const [vc, partition] of Object.entries(partitions)) {
    const members = nodes.filter((node) => node.partitions.includes(partition));
    cluster.virtualClusters[vc] = {
      cpus: members.reduce((sum, node) => sum + node.cpus, 0),
      memoryMB: members.reduce((sum, node) => sum + node.memoryMB, 0),
      gpus: members.reduce((sum, node) => sum + node.gpus, 0),
    };
  }
  const nodeAddrs = Object.fromEntries(
    nodes.map((node) => [node.name, node.addr === 'localhost' ? '127.0.0.1' : node.addr]),
  );
  return { cluster, partitions, nodeAddrs };
}

/** What the partitions' nodes have allocated now (all jobs, ours or not): the dashboard's bars. */
export async function partitionUsage(
  partitions: PartitionMap,
): Promise<Map<string, Pick<VirtualClusterUsage, 'vCores' | 'memory' | 'GPUs'>>> {
  const nodes = parseNodes(await slurm('scontrol', ['-o', '-d', 'show', 'node']));
  const usage = new Map<string, Pick<VirtualClusterUsage, 'vCores' | 'memory' | 'GPUs'>>();
  for (const [vc, partition] of Object.entries(partitions)) {
    const members = nodes.filter((node) => node.partitions.includes(partition));
    usage.set(vc, {
      vCores: members.reduce((sum, node) => sum + node.usedCpus, 0),
      memory: members.reduce((sum, node) => sum + node.usedMemoryMB, 0),
      GPUs: members.reduce((sum, node) => sum + node.usedGpus, 0),
    });
  }
  return usage;
}
