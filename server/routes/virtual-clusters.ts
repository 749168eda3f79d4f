import type { FastifyInstance } from 'fastify';
import { hostname } from 'node:os';
import type { VirtualCluster } from '../../contract/api-types.ts';
import type { ClusterConfig } from '../cluster-config.ts';
import { badRequest, noVirtualCluster } from '../errors.ts';
import type { VirtualClusterUsage } from '../runtime/types.ts';
import type { Services } from '../services.ts';

const VC_NAME = /^[A-Za-z0-9_]+$/;
const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** One VC in YARN's shape (CONTRACT §8.1); capacities are shares of the cluster's vCores. */
export function virtualClusterView(
  cluster: ClusterConfig,
  name: string,
  usage: VirtualClusterUsage | undefined,
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
    status: 'RUNNING',
  };
}

/** `GET /api/v1/virtual-clusters[/:vc]`, from PAI_CLUSTER_CONFIG and the runtime's usage. */
export function registerVirtualClusterRoutes(app: FastifyInstance, services: Services): void {
  const { cluster } = services;
  const hooks = { onRequest: services.auth.required };
  const usage = () => services.runtime?.usage() ?? new Map<string, VirtualClusterUsage>();

  app.get('/api/v1/virtual-clusters', hooks, async () => {
    const current = usage();
    return Object.fromEntries(
      Object.keys(cluster.virtualClusters).map((name) => [
        name,
        virtualClusterView(cluster, name, current.get(name)),
      ]),
    );
  });

  app.get<{ Params: { vc: string } }>('/api/v1/virtual-clusters/:vc', hooks, async (request) => {
    const { vc } = request.params;
    if (!VC_NAME.test(vc))
      throw badRequest(`Virtual cluster name ${vc} must match ${VC_NAME.source}`);
    if (!Object.hasOwn(cluster.virtualClusters, vc)) {
      throw noVirtualCluster(vc);
    }
    return virtualClusterView(cluster, vc, usage().get(vc));
  });
}
