/** OpenPAI REST API v1 shapes (docs/api.md §2–§8), shared by the portal and the embedded server. */
import type { ValidationProblem } from './validation-problem.ts';

export const ERROR_CODES = [
  'BadConfigurationError',
  'ConflictJobError',
  'ConflictUserError',
  'ConflictVcError',
  'ForbiddenUserError',
  'ForbiddenKeyError',
  'IncorrectPasswordError',
  'InvalidParametersError',
  'NoApiError',
  'NoJobError',
  'NoJobConfigError',
  'NoJobSshInfoError',
  'NoUserError',
  'NoGroupError',
  'NoVirtualClusterError',
  'ReadOnlyJobError',
  'RemoveAdminError',
  'ReadOnlyVcError',
  'RemoveRunningVcError',
  'UnauthorizedUserError',
  'NoEnoughQuotaError',
  'NotImplementedError',
  'UnknownError',
  // Not in OpenPAI's set: repeated failed logins (429) and bodies over the limit (413).
  'TooManyRequestsError',
  'PayloadTooLargeError',
  // The data dir's disk is full (507), or its database cannot be used (503).
  'InsufficientStorageError',
  'ServiceUnavailableError',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error response body. */
export interface ApiErrorBody {
  code: ErrorCode | string;
  message: string;
  /**
   * On a 400 from this server: each problem at its place (`taskRoles[0].memoryMB`), the same
   * sentences `message` joins. Not in OpenPAI; its clients ignore the field.
   */
  problems?: ValidationProblem[];
}

/** GET /api/v1 */
export interface ClusterInfo {
  name: string;
  version: string;
  launcherType: 'yarn' | 'k8s';
  authnMethod: 'basic' | 'OIDC';
  /** How the local runtime isolates tasks (absent on servers without one, e.g. OpenPAI's). */
  taskIsolation?: TaskIsolationInfo;
}

/** PAI_TASK_ISOLATION and what this machine made of it. */
export interface TaskIsolationInfo {
  setting: 'auto' | 'required' | 'none';
  /** `admins-only`: `auto` could not isolate, so only administrators' jobs run. */
  mode: 'isolated' | 'admins-only' | 'none';
  /** Why tasks cannot be isolated, naming what to install; null when they can. */
  problem: string | null;
  /** Limits of the job config this machine cannot enforce, in words. */
  unenforcedLimits: string[];
  /** The server runs as root, so each user's tasks get a uid of their own. */
  asRoot: boolean;
}

/** GET /api/v1/authn/info */
export interface AuthnInfo {
  authn_type: 'basic' | 'OIDC';
  loginURI: string;
  loginURIMethod: 'post' | 'get';
}

/** POST /api/v1/token, /api/v1/authn/basic/login, /api/v1/authn/oidc/return */
/** One application token in `GET /api/v1/token/application` (docs/api.md §3.5). */
export interface ApplicationToken {
  /** The token's SHA-256: `DELETE /api/v1/token/<id>` revokes it. */
  id: string;
  name: string;
  createdTime: number;
  /** ms since the epoch; null: never expires. */
  expiresTime: number | null;
}

export interface ApplicationTokenList {
  tokens: ApplicationToken[];
}

export interface LoginResponse {
  user: string;
  token: string;
  admin: boolean;
}

export type JobState =
  'WAITING' | 'RUNNING' | 'STOPPING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED' | 'UNKNOWN';
export type TaskState = 'WAITING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED' | 'UNKNOWN';
export type ExecutionType = 'START' | 'STOP';

export interface RetryDetails {
  user: number;
  platform: number;
  resource: number;
}

/** One item of GET /api/v1/jobs (docs/api.md §5.2). */
export interface JobListItem {
  name: string;
  username: string;
  state: JobState;
  subState: string;
  executionType: ExecutionType;
  retries: number;
  retryDetails: RetryDetails;
  createdTime: number;
  completedTime: number | null;
  appExitCode: number | null;
  virtualCluster: string;
  totalGpuNumber: number;
  totalTaskNumber: number;
  totalTaskRoleNumber: number;
  /** Only when the name's namespace differs from `username`. */
  namespace?: string;
  /** Only on legacy (un-namespaced) jobs. */
  legacy?: true;
  /** When its first task started; null while waiting (this server only; OpenPAI's list lacks it). */
  appLaunchedTime?: number | null;
  /** Only on jobs imported from another cluster's history: their times are as recorded there. */
  imported?: true;
  /** Only while the job waits for this server's runtime (this server only; docs/api.md §5.3). */
  queue?: JobQueueStatus;
}

/** CPUs, memory and GPUs: what a job takes at once, or what a virtual cluster has free. */
export interface Resources {
  cpus: number;
  memoryMB: number;
  gpus: number;
}

/** Why a waiting job waits (this server only; docs/api.md §5.3). */
export interface JobQueueStatus {
  /** 1-based place among the jobs queued in its virtual cluster; null when not queued or not known. */
  position: number | null;
  /** Jobs queued ahead of it in its virtual cluster; null when not known. */
  jobsAhead: number | null;
  /** What all its tasks take at once. */
  needs: Resources;
  /** What its virtual cluster has free now; null when not known. */
  free: Resources | null;
  /** The runtime's own words when it has them (Slurm's pending reason, a retry); else null. */
  reason: string | null;
}

/** GET /api/v1/jobs?withTotalCount=true (OpenPAI v2 list query names). */
export interface JobListPage {
  totalCount: number;
  data: JobListItem[];
}

/** Query parameters of the paged list. `order` is `<field>,ASC|DESC`. */
export interface JobListQuery {
  offset?: number;
  limit?: number;
  withTotalCount?: boolean;
  username?: string;
  state?: string;
  vc?: string;
  keyword?: string;
  order?: string;
  legacy?: boolean;
}

export const JOB_ORDER_FIELDS = [
  'name',
  'username',
  'virtualCluster',
  'createdTime',
  'completedTime',
  'state',
  'retries',
  'totalTaskNumber',
  'totalGpuNumber',
] as const;
export type JobOrderField = (typeof JOB_ORDER_FIELDS)[number];

export interface AppExitSpec {
  code: number;
  phrase: string;
  issuer?: string;
  causer?: string;
  type?: string;
  stage?: string;
  behavior?: string;
  reaction?: string;
  reason?: string;
  repro?: string[];
  solution?: string[];
}

/** `jobStatus` of GET .../:jobName (docs/api.md §5.3). */
export interface JobStatus {
  name: string;
  username: string;
  state: JobState;
  subState: string;
  executionType: ExecutionType;
  retries: number;
  retryDetails: RetryDetails;
  createdTime: number;
  completedTime: number | null;
  appId: string | null;
  appProgress: number | null;
  appTrackingUrl: string | null;
  appLaunchedTime: number | null;
  appCompletedTime: number | null;
  appExitCode: number | null;
  appExitSpec: AppExitSpec | null;
  appExitDiagnostics: string | null;
  appExitMessages: {
    container: string | null;
    runtime: Record<string, unknown> | null;
    launcher: string | null;
  } | null;
  appExitTriggerMessage: string | null;
  appExitTriggerTaskRoleName: string | null;
  appExitTriggerTaskIndex: number | null;
  appExitType: string | null;
  virtualCluster: string;
  /** Only on jobs imported from another cluster's history (this server only). */
  imported?: true;
  /** Only while the job waits for this server's runtime (this server only). */
  queue?: JobQueueStatus;
}

export interface TaskStatus {
  taskIndex: number;
  taskState: TaskState;
  containerId: string | null;
  containerIp: string | null;
  /** label → port; values are strings. */
  containerPorts: Record<string, string> | null;
  /** Bitmask of GPU indices (bit i = GPU i). */
  containerGpus: number | null;
  containerLog: string | null;
  containerExitCode: number | null;
}

export interface TaskRoleDetail {
  taskRoleStatus: { name: string };
  taskStatuses: TaskStatus[];
}

export interface JobDetail {
  name: string;
  jobStatus: JobStatus;
  taskRoles: Record<string, TaskRoleDetail>;
}

/** GET .../:jobName/ssh (docs/api.md §5.6). */
export interface SshInfo {
  containers: { id: string; sshIp: string; sshPort: string }[];
  keyPair: {
    folderPath: string;
    publicKeyFileName: string;
    privateKeyFileName: string;
    privateKeyDirectDownloadLink: string;
  };
  /** This server's SSH host key (`ssh-ed25519 AAAA…`), the same for every task; not from OpenPAI. */
  hostPublicKey?: string;
}

/** GET /api/v1/virtual-clusters/:vc (YARN shape, docs/api.md §8.1). */
export interface VirtualCluster {
  capacity: number;
  maxCapacity: number;
  usedCapacity: number;
  numActiveJobs: number;
  numJobs: number;
  numPendingJobs: number;
  resourcesUsed: { memory: number; vCores: number; GPUs: number };
  resourcesTotal: { memory: number; vCores: number; GPUs: number };
  dedicated: boolean;
  nodeList: string[];
  status: 'RUNNING' | 'STOPPED' | 'DRAINING';
}

/** GET /api/v2/user/:username (docs/api.md §8.2), never with a password. */
export interface UserInfo {
  username: string;
  email: string;
  grouplist: string[];
  extension: Record<string, unknown>;
  admin: boolean;
  virtualCluster: string[];
  storageConfig: unknown[];
}

/**
 * One user of `GET /api/v2/user` (admin): the user plus this server's additions, which an
 * OpenPAI server does not send (docs/api.md §8.2).
 */
export interface UserListItem extends UserInfo {
  /** Jobs submitted or imported under this user's name. */
  jobCount?: number;
  /** ms since the epoch; null when the user has not signed in since the server began recording. */
  lastSignInTime?: number | null;
}

/** Submit answers 202 with this body and a Location header. */
export interface MessageResponse {
  message: string;
}

/** One resource sample of a task (this server's own route; OpenPAI v0.16 had none). */
export interface TaskMetricSample {
  /** ms since the epoch. */
  time: number;
  /** Since the previous sample; 100 = one core busy. */
  cpuPercent: number;
  /** Resident memory of the task's processes. */
  rssBytes: number;
  /** GPU memory of the task's processes; null for a task without GPUs or where `nvidia-smi` is absent. */
  gpuMemoryBytes: number | null;
  /**
   * Mean utilisation of the task's GPUs (0-100, `nvidia-smi`'s `utilization.gpu`); null as
   * `gpuMemoryBytes` is, and for samples taken before the server recorded it.
   */
  gpuPercent: number | null;
}

/** `GET …/:job/tasks/:role/:index/metrics`: a task's samples and what it asked for. */
export interface TaskMetrics {
  taskRole: string;
  taskIndex: number;
  /** What the task role asked for (the job config, defaults applied). */
  requested: { cpuNumber: number; memoryBytes: number; gpuNumber: number };
  /** Seconds between samples while the task runs. */
  intervalSeconds: number;
  /** Every kept sample of every attempt, oldest first; older ones at a coarser step. */
  samples: (TaskMetricSample & { attempt: number })[];
  /** Why this server takes no samples of the task (Slurm runs it on its own nodes); else null. */
  notSampled: string | null;
}

/** How a failed attempt failed: its command (`user`), or this server (`platform`, `resource`). */
export type AttemptFailureKind = 'user' | 'platform' | 'resource';

/**
 * One attempt of a job, from `GET …/:job/attempts` (this server's own route, after OpenPAI v1's
 * job-attempts; field names as there). Newest first; the first one `isLatest`.
 */
export interface JobAttempt {
  attemptIndex: number;
  isLatest: boolean;
  /** An earlier attempt is `FAILED` (it was retried); the latest one has the job's state. */
  state: JobState;
  attemptStartedTime: number | null;
  attemptCompletedTime: number | null;
  exitCode: number | null;
  exitDiagnostics: string | null;
  exitType: AttemptFailureKind | null;
  /** The task whose end decided the attempt. */
  appExitTriggerTaskRoleName: string | null;
  appExitTriggerTaskIndex: number | null;
  /** Whether its task logs are still kept (`…/logs/:stream?attempt=N`). */
  logsKept: boolean;
}
