import type { ClusterConfig, VirtualClusterCapacity } from '../cluster-config.ts';
import type { Db } from '../store/db.ts';
import { VirtualClusterStore, type StoredVirtualCluster } from '../store/virtual-clusters.ts';

export const DEFAULT_VC = 'default';

/**
 * The virtual clusters of this server: those of PAI_CLUSTER_CONFIG (or this machine), plus those
 * an admin made through the API. As OpenPAI's YARN queues did, an API-made VC takes a percentage
 * of the `default` VC's configured resources and `default` keeps the rest. The cluster object is
 * updated in place, so the runtime (which holds the same object) schedules by the current VCs.
 */
export class VirtualClusterRegistry {
  readonly store: VirtualClusterStore;
  /** The configured VCs' names; the API cannot change or remove those. */
  private readonly configured: Set<string>;
  private readonly baseDefault: VirtualClusterCapacity | undefined;

  constructor(
    db: Db,
    private readonly cluster: ClusterConfig,
  ) {
    this.store = new VirtualClusterStore(db);
    this.configured = new Set(Object.keys(cluster.virtualClusters));
    const base = cluster.virtualClusters[DEFAULT_VC];
    this.baseDefault = base && { ...base };
    this.apply();
  }

  has(name: string): boolean {
    return Object.hasOwn(this.cluster.virtualClusters, name);
  }

  isConfigured(name: string): boolean {
    return this.configured.has(name);
  }

  /** Why no VC can be made or removed through the API here, if that is so. */
  get fixedReason(): string | undefined {
    return this.cluster.fixedReason;
  }

  hasDefault(): boolean {
    return this.baseDefault !== undefined;
  }

  isStopped(name: string): boolean {
    return this.store.stopped().has(name);
  }

  /** Percent of `default` left if `name` took `capacity` (OpenPAI's quota rule). */
  quotaLeftWith(name: string, capacity: number): number {
    const others = this.store.list().filter((vc) => vc.name !== name);
    return 100 - capacity - others.reduce((sum, vc) => sum + vc.capacity, 0);
  }

  put(vc: StoredVirtualCluster): void {
    this.store.put(vc);
    this.apply();
  }

  remove(name: string): void {
    this.store.remove(name);
    this.apply();
  }

  /** Recomputes the API-made VCs' resources and what `default` keeps. */
  private apply(): void {
    const base = this.baseDefault;
    if (!base || this.cluster.fixedReason !== undefined) return;
    const vcs = this.cluster.virtualClusters;
    for (const name of Object.keys(vcs)) if (!this.configured.has(name)) delete vcs[name];
    const left = { ...base };
    for (const vc of this.store.list()) {
      if (this.configured.has(vc.name)) continue;
      const share = {
        cpus: (base.cpus * vc.capacity) / 100,
        memoryMB: Math.floor((base.memoryMB * vc.capacity) / 100),
        gpus: Math.floor((base.gpus * vc.capacity) / 100),
      };
      vcs[vc.name] = share;
      left.cpus -= share.cpus;
      left.memoryMB -= share.memoryMB;
      left.gpus -= share.gpus;
    }
    vcs[DEFAULT_VC] = left;
  }
}
