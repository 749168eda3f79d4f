import { JOB_CONFIG_DEFAULTS } from './job-config-schema.ts';
import type { ValidationProblem } from './validation-problem.ts';
import { counted } from './words.ts';

/** What a virtual cluster holds, or what a job needs of it with all its tasks at once. */
export interface Resources {
  cpus: number;
  memoryMB: number;
  gpus: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A schema-valid count, its default when absent; anything else counts as 0 (the schema reports it). */
const count = (value: unknown, fallback: number): number =>
  value === undefined
    ? fallback
    : Number.isInteger(value) && (value as number) >= 0
      ? (value as number)
      : 0;

/** All task roles' tasks together; absent fields count with their defaults (docs/api.md §7). */
export function jobDemand(config: unknown): Resources {
  const demand = { cpus: 0, memoryMB: 0, gpus: 0 };
  if (!isObject(config) || !Array.isArray(config.taskRoles)) return demand;
  for (const role of config.taskRoles) {
    if (!isObject(role)) continue;
    const tasks = count(role.taskNumber, JOB_CONFIG_DEFAULTS.taskNumber);
    demand.cpus += tasks * count(role.cpuNumber, JOB_CONFIG_DEFAULTS.cpuNumber);
    demand.memoryMB += tasks * count(role.memoryMB, JOB_CONFIG_DEFAULTS.memoryMB);
    demand.gpus += tasks * count(role.gpuNumber, JOB_CONFIG_DEFAULTS.gpuNumber);
  }
  return demand;
}

/**
 * Why the job can never run in `virtualCluster`, whose whole capacity is `total` (a job waits for
 * free resources, but never for more than the VC has). The server refuses such a submission with
 * this message; the portal shows the same one before Submit.
 */
export function capacityProblems(
  config: unknown,
  virtualCluster: string,
  total: Resources,
): ValidationProblem[] {
  const demand = jobDemand(config);
  const needs: [(n: number) => string, number, number][] = [
    [(n) => counted(n, 'vCore'), demand.cpus, total.cpus],
    [(n) => `${n} memory MB`, demand.memoryMB, total.memoryMB],
    [(n) => counted(n, 'GPU'), demand.gpus, total.gpus],
  ];
  return needs
    .filter(([, needed, held]) => needed > held)
    .map(([amount, needed, held]) => ({
      path: 'taskRoles', // what the tasks ask for together; editing them answers it
      message: `The job needs ${amount(needed)} (all tasks together) but virtual cluster ${virtualCluster} has ${amount(held)} in total.`,
    }));
}
