import type { JobSpec } from './job-spec.ts';
import type { TaskPorts } from './ports.ts';

/** Variables passed through from the server's environment; secrets such as PAI_JWT_SECRET are not. */
const INHERITED = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR)$/;

export interface TaskEnvInput {
  jobName: string;
  username: string;
  virtualCluster: string;
  spec: JobSpec;
  hostIp: string;
  /** Ports of every task of the job, keyed by `role/index`. */
  ports: Map<string, TaskPorts>;
  role: string;
  index: number;
  gpuIndices: number[];
  containerId: string;
  workDir: string;
}

const envValue = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** The environment OpenPAI gives a container (docs/api.md §7), plus the job's `jobEnvs`. */
export function taskEnvironment(
  input: TaskEnvInput,
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base))
    if (INHERITED.test(key) && value !== undefined) env[key] = value;
  for (const [key, value] of Object.entries(input.spec.jobEnvs)) env[key] = envValue(value);

  const { spec } = input;
  env.PAI_JOB_NAME = input.jobName;
  env.PAI_USER_NAME = input.username;
  env.PAI_JOB_VC_NAME = input.virtualCluster;
  env.PAI_DEFAULT_FS_URI = '';
  env.PAI_TASK_ROLE_COUNT = String(spec.taskRoles.length);
  env.PAI_TASK_ROLE_LIST = spec.taskRoles.map((role) => role.name).join(',');
  for (const role of spec.taskRoles) {
    env[`PAI_TASK_ROLE_TASK_COUNT_${role.name}`] = String(role.taskNumber);
    env[`PAI_RESOURCE_${role.name}`] = [
      role.gpuNumber,
      role.cpuNumber,
      role.memoryMB,
      role.shmMB,
    ].join(',');
    env[`PAI_MIN_FAILED_TASK_COUNT_${role.name}`] = String(role.minFailedTaskCount ?? -1);
    env[`PAI_MIN_SUCCEEDED_TASK_COUNT_${role.name}`] = String(role.minSucceededTaskCount ?? -1);
    for (let index = 0; index < role.taskNumber; index++) {
      env[`PAI_HOST_IP_${role.name}_${index}`] = input.hostIp;
      const ports = input.ports.get(`${role.name}/${index}`) ?? {};
      for (const [label, numbers] of Object.entries(ports)) {
        env[`PAI_PORT_LIST_${role.name}_${index}_${label}`] = numbers.join(',');
      }
    }
  }
  env.PAI_CURRENT_TASK_ROLE_NAME = input.role;
  env.PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX = String(input.index);
  env.PAI_CONTAINER_ID = input.containerId;
  env.PAI_WORK_DIR = input.workDir;
  env.CUDA_VISIBLE_DEVICES = input.gpuIndices.join(',');
  return env;
}
