import type { FastifyInstance } from 'fastify';
import { hostname } from 'node:os';
import type { VirtualCluster } from '../../contract/api-types.ts';
import { publicReadHook } from '../auth/read-access.ts';
import type { ClusterConfig } from '../cluster-config.ts';
import { PaiError } from '../errors.ts';
import type { VirtualClusterUsage } from '../runtime/types.ts';
import type { Services } from '../services.ts';
import { VC_ROUTE_PREFIXES, assertVcName } from '../virtual-clusters/vc-rules.ts';

const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** One VC in YARN's shape (docs/api.md §8.1); capacities are shares of the cluster's vCores. */
export function virtualClusterView(
  cluster: ClusterConfig,
  name: string,
  usage: VirtualClusterUsage | undefined,
  stopped = false,
): VirtualCluster {
  const capacity = cluster.virtualClusters[name]!;
  const clusterCpus = Object.values(cluster.virtualClusters).reduce(
    (total, vc) => total + vc.cpus,
    0,
  );
  const used = usage ?? { vCores: 0, memory: 0, GPUs: 0, runningJobs: 0, waitingJobs: 0 };
  const share = percent(capacity.cpus, clusterCpus);
  return {
    capacity: share,
    maxCapacity: share,
    usedCapacity: percent(used.vCores, capacity.cpus),
    numActiveJobs: used.runningJobs,
    numJobs: used.runningJobs + used.waitingJobs,
    numPendingJobs: used.waitingJobs,
    resourcesUsed: { memory: used.memory, vCores: used.vCores, GPUs: used.GPUs },
    resourcesTotal: { memory: capacity.memoryMB, vCores: capacity.cpus, GPUs: capacity.gpus },
    dedicated: false,
    nodeList: [hostname()],
    status: stopped ? 'STOPPED' : 'RUNNING',
  };
}

/**
 * `GET /api/v1/virtual-clusters[/:vc]` (and OpenPAI v0.16's `/api/v2` twins), from the
 * configured and API-made VCs and the runtime's usage.
 */
export function registerVirtualClusterRoutes(app: FastifyInstance, services: Services): void {
  const { cluster, virtualClusters } = services;
  const hooks = { onRequest: publicReadHook(services) };
  const usage = () => services.runtime?.usage() ?? new Map<string, VirtualClusterUsage>();

  for (const prefix of VC_ROUTE_PREFIXES) {
    app.get(prefix, hooks, async () => {
      const current = usage();
      const stopped = virtualClusters.store.stopped();
      return Object.fromEntries(
        Object.keys(cluster.virtualClusters).map((name) => [
          name,
          virtualClusterView(cluster, name, current.get(name), stopped.has(name)),
        ]),
      );
    });

    app.get<{ Params: { vc: string } }>(`${prefix}/:vc`, hooks, async (request) => {
      const { vc } = request.params;
      assertVcName(vc);
      if (!virtualClusters.has(vc)) {
        throw new PaiError(404, 'NoVirtualClusterError', `Vc ${vc} not found`);
      }
      return virtualClusterView(cluster, vc, usage().get(vc), virtualClusters.isStopped(vc));
    });
  }
}
