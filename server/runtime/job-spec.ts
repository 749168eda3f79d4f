import {
  JOB_CONFIG_DEFAULTS as DEFAULTS,
  type JobConfigPort,
  type JobConfigTaskRole,
} from '../../contract/job-config-schema.ts';

export type PortRequest = JobConfigPort;
export type TaskRoleSpec = JobConfigTaskRole;

/** The parts of a validated job config (docs/api.md §7, defaults applied) that the runtime uses. */
export interface JobSpec {
  taskRoles: TaskRoleSpec[];
  retryCount: number;
  jobEnvs: Record<string, unknown>;
}

/** A task instance: one of `taskNumber` copies of a task role. */
export interface TaskKey {
  role: string;
  index: number;
}

const int = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) ? value : fallback;

const countOrNull = (value: unknown, fallback: number | null): number | null =>
  value === null ? null : typeof value === 'number' && Number.isInteger(value) ? value : fallback;

/** Ports OpenPAI always adds when the config does not name them. */
const ALWAYS_PORTS = ['ssh', 'http'];

/** Reads `jobs.config_json`; missing fields get OpenPAI's defaults. */
export function parseJobSpec(configJson: string): JobSpec {
  const config = JSON.parse(configJson) as Record<string, unknown>;
  const roles = Array.isArray(config.taskRoles)
    ? (config.taskRoles as Record<string, unknown>[])
    : [];
  return {
    retryCount: int(config.retryCount, DEFAULTS.retryCount),
    jobEnvs: (config.jobEnvs as Record<string, unknown> | undefined) ?? {},
    taskRoles: roles.map((role) => {
      const portList = (
        Array.isArray(role.portList) ? (role.portList as Record<string, unknown>[]) : []
      ).map((port): PortRequest => ({
        label: String(port.label),
        beginAt: int(port.beginAt, 0),
        portNumber: Math.max(0, int(port.portNumber, 1)),
      }));
      for (const label of ALWAYS_PORTS) {
        if (!portList.some((port) => port.label === label))
          portList.push({ label, beginAt: 0, portNumber: 1 });
      }
      return {
        name: String(role.name),
        taskNumber: Math.max(0, int(role.taskNumber, DEFAULTS.taskNumber)),
        cpuNumber: Math.max(0, int(role.cpuNumber, DEFAULTS.cpuNumber)),
        memoryMB: Math.max(0, int(role.memoryMB, DEFAULTS.memoryMB)),
        shmMB: Math.max(0, int(role.shmMB, DEFAULTS.shmMB)),
        gpuNumber: Math.max(0, int(role.gpuNumber, DEFAULTS.gpuNumber)),
        portList,
        command: String(role.command ?? ''),
        minFailedTaskCount: countOrNull(role.minFailedTaskCount, DEFAULTS.minFailedTaskCount),
        minSucceededTaskCount: countOrNull(
          role.minSucceededTaskCount,
          DEFAULTS.minSucceededTaskCount,
        ),
      };
    }),
  };
}

/** Every task instance of the job, role by role, in index order. */
export function taskKeys(spec: JobSpec): TaskKey[] {
  return spec.taskRoles.flatMap((role) =>
    Array.from({ length: role.taskNumber }, (_, index) => ({ role: role.name, index })),
  );
}

export function roleOf(spec: JobSpec, name: string): TaskRoleSpec {
  const role = spec.taskRoles.find((candidate) => candidate.name === name);
  if (!role) throw new Error(`task role ${name} is not in the job config`);
  return role;
}

/** Resources the whole gang needs at once. */
export function jobDemand(spec: JobSpec): { cpus: number; memoryMB: number; gpus: number } {
  return spec.taskRoles.reduce(
    (sum, role) => ({
      cpus: sum.cpus + role.cpuNumber * role.taskNumber,
      memoryMB: sum.memoryMB + role.memoryMB * role.taskNumber,
      gpus: sum.gpus + role.gpuNumber * role.taskNumber,
    }),
    { cpus: 0, memoryMB: 0, gpus: 0 },
  );
}
