/**
 * The v1 job config (docs/api.md §7) as a draft-07 JSON Schema: the server validates submissions with
 * it and the portal's editor uses it for diagnostics, completion and hover help.
 * Rules JSON Schema cannot express live in `checkJobConfigRules` (job-config-rules.ts).
 */

export const JOB_NAME_PATTERN = '^[A-Za-z0-9\\-._]+$';
export const TASK_ROLE_NAME_PATTERN = '^[A-Za-z0-9._~]+$';
export const PORT_LABEL_PATTERN = '^[A-Za-z0-9._~]+$';
/** Joi's key patterns are unanchored: a key qualifies when it contains one matching character. */
export const JOB_ENV_KEY_PATTERN = '\\w+';
export const EXTRAS_KEY_PATTERN = '[A-Za-z0-9._]+';

/**
 * Longest names, as OpenPAI's job protocol allows (63 characters: a Kubernetes label) for names
 * that become paths and identifiers; user names as the user API allows (64); environment
 * variable and extras names up to 255 (a file name's limit, as the shell sees them).
 */
export const NAME_MAX_LENGTH = {
  jobName: 63,
  userName: 64,
  taskRoleName: 63,
  portLabel: 63,
  envName: 255,
  /** Not in a job config's schema (OpenPAI's own pattern applies there); checked where VCs are written. */
  virtualCluster: 63,
} as const;

/** Names JavaScript objects reserve; refused wherever a name becomes an object key. */
export const RESERVED_NAMES = ['__proto__', 'constructor', 'prototype'] as const;

const notReserved = { not: { enum: ['.', '..', ...RESERVED_NAMES] } };

/** Keys of jobEnvs and extras: bounded and never a reserved name. */
const propertyNames = { maxLength: NAME_MAX_LENGTH.envName, ...notReserved };

export const JOB_CONFIG_DEFAULTS = {
  taskNumber: 1,
  cpuNumber: 1,
  memoryMB: 100,
  shmMB: 64,
  gpuNumber: 0,
  minFailedTaskCount: 1,
  minSucceededTaskCount: null,
  retryCount: 0,
  virtualCluster: 'default',
} as const;

const optionalPath = (what: string) => ({
  type: 'string',
  default: '',
  description: `${what} May be empty. $PAI_DEFAULT_FS_URI, $PAI_JOB_NAME and $PAI_USER_NAME are substituted.`,
});

const portSchema = {
  type: 'object',
  description: 'A named set of ports reserved for each task of the task role.',
  additionalProperties: false,
  required: ['label'],
  properties: {
    label: {
      type: 'string',
      pattern: PORT_LABEL_PATTERN,
      maxLength: NAME_MAX_LENGTH.portLabel,
      ...notReserved,
      description: 'Port label; the task sees the ports as $PAI_PORT_LIST_<role>_<index>_<label>.',
    },
    beginAt: {
      type: 'integer',
      minimum: 0,
      maximum: 65535,
      default: 0,
      description: 'First port number to try; 0 picks any free port.',
    },
    portNumber: {
      type: 'integer',
      minimum: 0,
      maximum: 65535,
      default: 1,
      description: 'How many ports with this label each task gets.',
    },
  },
} as const;

const taskRoleSchema = {
  type: 'object',
  description: 'A group of identical tasks running the same command.',
  additionalProperties: false,
  required: ['name', 'command'],
  properties: {
    name: {
      type: 'string',
      pattern: TASK_ROLE_NAME_PATTERN,
      maxLength: NAME_MAX_LENGTH.taskRoleName,
      ...notReserved,
      description:
        'Task role name, unique within the job (letters, digits, ".", "_", "~"; at most 63 characters).',
    },
    taskNumber: {
      type: 'integer',
      minimum: 1,
      default: JOB_CONFIG_DEFAULTS.taskNumber,
      description: 'Number of tasks (instances) of this task role.',
    },
    cpuNumber: {
      type: 'integer',
      minimum: 1,
      default: JOB_CONFIG_DEFAULTS.cpuNumber,
      description: 'CPU cores for each task.',
    },
    memoryMB: {
      type: 'integer',
      minimum: 100,
      default: JOB_CONFIG_DEFAULTS.memoryMB,
      description: 'Memory for each task, in MB (at least 100).',
    },
    shmMB: {
      type: 'integer',
      default: JOB_CONFIG_DEFAULTS.shmMB,
      description: 'Shared memory for each task, in MB; must not exceed memoryMB.',
    },
    gpuNumber: {
      type: 'integer',
      minimum: 0,
      default: JOB_CONFIG_DEFAULTS.gpuNumber,
      description: 'GPUs for each task.',
    },
    portList: {
      type: 'array',
      default: [],
      description: 'Ports each task needs. "ssh" and "http" are always added when absent.',
      items: { $ref: '#/definitions/port' },
    },
    command: {
      type: 'string',
      minLength: 1,
      description: 'Command each task runs (with bash).',
    },
    minFailedTaskCount: {
      type: ['integer', 'null'],
      minimum: 1,
      default: JOB_CONFIG_DEFAULTS.minFailedTaskCount,
      description:
        'The job fails when this many tasks of the role have failed; null: never because of this role.',
    },
    minSucceededTaskCount: {
      type: ['integer', 'null'],
      minimum: 1,
      default: JOB_CONFIG_DEFAULTS.minSucceededTaskCount,
      description:
        'The job succeeds when this many tasks of the role have succeeded; null: when all tasks have ended.',
    },
  },
} as const;

export const jobConfigSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'OpenPAI v1 job config',
  description: 'A job for an OpenPAI cluster (REST API v1).',
  type: 'object',
  additionalProperties: false,
  required: ['jobName', 'image', 'taskRoles'],
  definitions: { taskRole: taskRoleSchema, port: portSchema },
  properties: {
    jobName: {
      type: 'string',
      pattern: JOB_NAME_PATTERN,
      maxLength: NAME_MAX_LENGTH.jobName,
      ...notReserved,
      description:
        'Job name, unique among your jobs (letters, digits, "-", ".", "_"; no "~"; at most 63 characters).',
    },
    image: {
      type: 'string',
      minLength: 1,
      description:
        'Docker image the tasks run in. The local server records it but runs tasks on this machine.',
    },
    authFile: optionalPath('File with the credentials of a private Docker registry.'),
    dataDir: optionalPath('Where the job reads its data from.'),
    outputDir: optionalPath('Where the job writes its output.'),
    codeDir: optionalPath('Code directory copied to each task.'),
    virtualCluster: {
      type: 'string',
      default: JOB_CONFIG_DEFAULTS.virtualCluster,
      description: 'Virtual cluster to run in; empty means "default".',
    },
    gpuType: {
      type: 'string',
      default: '',
      description: 'GPU type to run on; empty means any.',
    },
    retryCount: {
      type: 'integer',
      minimum: -2,
      default: JOB_CONFIG_DEFAULTS.retryCount,
      description: 'How often a failed job is retried; -2 retries until it is stopped.',
    },
    killAllOnCompletedTaskNumber: {
      type: 'integer',
      description:
        'Obsolete and ignored; use minSucceededTaskCount. Accepted with an X-Warning header.',
    },
    jobEnvs: {
      type: 'object',
      additionalProperties: false,
      propertyNames,
      patternProperties: {
        [JOB_ENV_KEY_PATTERN]: {
          description: 'Exported to every task as an environment variable.',
        },
      },
      description: 'Environment variables for every task (name: value).',
    },
    extras: {
      type: 'object',
      additionalProperties: false,
      propertyNames,
      patternProperties: {
        [EXTRAS_KEY_PATTERN]: { description: 'Free-form setting kept with the job.' },
      },
      description: 'Free-form settings kept with the job (e.g. for tools such as TensorBoard).',
    },
    taskRoles: {
      type: 'array',
      minItems: 1,
      description: 'The task roles of the job; at least one.',
      items: { $ref: '#/definitions/taskRole' },
    },
  },
} as const;

export interface JobConfigPort {
  label: string;
  beginAt: number;
  portNumber: number;
}

export interface JobConfigTaskRole {
  name: string;
  taskNumber: number;
  cpuNumber: number;
  memoryMB: number;
  shmMB: number;
  gpuNumber: number;
  portList: JobConfigPort[];
  command: string;
  minFailedTaskCount: number | null;
  minSucceededTaskCount: number | null;
}

/** A job config after validation, with every default filled in. */
export interface JobConfig {
  jobName: string;
  image: string;
  authFile: string;
  dataDir: string;
  outputDir: string;
  codeDir: string;
  virtualCluster: string;
  gpuType: string;
  retryCount: number;
  killAllOnCompletedTaskNumber?: number;
  jobEnvs?: Record<string, unknown>;
  extras?: Record<string, unknown>;
  taskRoles: JobConfigTaskRole[];
}
