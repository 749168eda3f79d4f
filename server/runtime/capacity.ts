import type { ClusterConfig } from '../cluster-config.ts';
import { jobDemand, taskKeys, roleOf, type JobSpec } from './job-spec.ts';
import { counted } from '../../contract/words.ts';

export interface Demand {
  cpus: number;
  memoryMB: number;
  gpus: number;
}

interface Holding {
  vc: string;
  demand: Demand;
  gpuIndices: number[];
}

/** A task's GPUs, keyed by `role/index`. */
export type GpuAssignment = Map<string, number[]>;

export const taskSlot = (role: string, index: number): string => `${role}/${index}`;

/**
 * Resources per virtual cluster. The machine's GPUs are split between VCs in config order:
 * the first VC with 2 GPUs owns indices 0–1, the next one starts at 2.
 */
export class Capacity {
  private readonly holdings = new Map<number, Holding>();

  /** The cluster is read on every decision: an admin may change its VCs while the server runs. */
  constructor(private readonly cluster: ClusterConfig) {}

  private gpuOffset(vc: string): number {
    let offset = 0;
    for (const [name, capacity] of Object.entries(this.cluster.virtualClusters)) {
      if (name === vc) return offset;
      offset += capacity.gpus;
    }
    return offset;
  }

  has(vc: string): boolean {
    return vc in this.cluster.virtualClusters;
  }

  used(vc: string): Demand {
    const used = { cpus: 0, memoryMB: 0, gpus: 0 };
    for (const holding of this.holdings.values()) {
      if (holding.vc !== vc) continue;
      used.cpus += holding.demand.cpus;
      used.memoryMB += holding.demand.memoryMB;
      used.gpus += holding.demand.gpus;
    }
    return used;
  }

  /** What the VC has free now (nothing for a VC that is gone). */
  free(vc: string): Demand {
    const total = this.cluster.virtualClusters[vc] ?? { cpus: 0, memoryMB: 0, gpus: 0 };
    const used = this.used(vc);
    return {
      cpus: Math.max(0, total.cpus - used.cpus),
      memoryMB: Math.max(0, total.memoryMB - used.memoryMB),
      gpus: Math.max(0, total.gpus - used.gpus),
    };
  }

  /** Why the job can never run in its VC, or null when it can once resources are free. */
  neverFits(vc: string, spec: JobSpec): string | null {
    const total = this.cluster.virtualClusters[vc];
    if (!total) return `virtual cluster ${vc} does not exist on this server`;
    const demand = jobDemand(spec);
    const short: string[] = [];
    if (demand.cpus > total.cpus)
      short.push(`${counted(demand.cpus, 'CPU')} (it has ${total.cpus})`);
    if (demand.memoryMB > total.memoryMB)
      short.push(`${demand.memoryMB} MB of memory (it has ${total.memoryMB})`);
    if (demand.gpus > total.gpus)
      short.push(`${counted(demand.gpus, 'GPU')} (it has ${total.gpus})`);
    return short.length
      ? `the job needs ${short.join(', ')} at once, more than virtual cluster ${vc} holds`
      : null;
  }

  fits(vc: string, spec: JobSpec): boolean {
    const total = this.cluster.virtualClusters[vc];
    if (!total) return false;
    const used = this.used(vc);
    const demand = jobDemand(spec);
    return (
      used.cpus + demand.cpus <= total.cpus &&
      used.memoryMB + demand.memoryMB <= total.memoryMB &&
      used.gpus + demand.gpus <= total.gpus
    );
  }

  /** Takes the job's resources and hands each task the lowest free GPU indices of the VC. */
  reserve(jobId: number, vc: string, spec: JobSpec): GpuAssignment {
    const taken = new Set(
      [...this.holdings.values()].filter((h) => h.vc === vc).flatMap((h) => h.gpuIndices),
    );
    const first = this.gpuOffset(vc);
    const free = Array.from(
      { length: this.cluster.virtualClusters[vc]?.gpus ?? 0 },
      (_, i) => first + i,
    ).filter((index) => !taken.has(index));
    const assignment: GpuAssignment = new Map();
    for (const task of taskKeys(spec)) {
      assignment.set(
        taskSlot(task.role, task.index),
        free.splice(0, roleOf(spec, task.role).gpuNumber),
      );
    }
    this.adopt(jobId, vc, spec, assignment);
    return assignment;
  }

  /** Records resources a job already holds (tasks found running after a restart). */
  adopt(jobId: number, vc: string, spec: JobSpec, assignment: GpuAssignment): void {
    this.holdings.set(jobId, {
      vc,
      demand: jobDemand(spec),
      gpuIndices: [...assignment.values()].flat(),
    });
  }

  release(jobId: number): void {
    this.holdings.delete(jobId);
  }

  holds(jobId: number): boolean {
    return this.holdings.has(jobId);
  }
}

/** `containerGpus`: bit i set when the task has GPU i. */
export const gpuBitmask = (indices: number[]): number =>
  indices.reduce((mask, index) => mask + 2 ** index, 0);

export const gpuIndicesOf = (mask: number | null): number[] =>
  mask
    ? Array.from({ length: 53 }, (_, i) => i).filter((i) => Math.floor(mask / 2 ** i) % 2 === 1)
    : [];
