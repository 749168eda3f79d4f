import type {
  ExecutionType,
  JobDetail,
  JobListItem,
  JobQueueStatus,
  JobState,
  JobStatus,
  TaskRoleDetail,
  TaskState,
} from '../../contract/api-types.ts';
import type { JobConfig } from '../../contract/job-config-schema.ts';
import { STDERR_TAIL_HEADING } from '../runtime/task-logs.ts';
import type { JobListRow } from '../store/job-list.ts';
import type { JobRow, TaskRow } from '../store/jobs.ts';

const retryDetails = (row: JobListRow) => ({
  user: row.retries_user,
  platform: row.retries_platform,
  resource: row.retries_resource,
});

/** Why a waiting job waits, from the runtime that queued it (docs/api.md §5.3, `queue`). */
export type QueueStatusOf = (row: JobListRow) => JobQueueStatus | null;

/** One item of the job list (docs/api.md §5.2). */
export function jobListItem(row: JobListRow, queueOf?: QueueStatusOf): JobListItem {
  const details = retryDetails(row);
  const item: JobListItem = {
    name: row.name,
    username: row.username,
    state: row.state as JobState,
    subState: row.sub_state,
    executionType: row.execution_type as ExecutionType,
    retries: details.user + details.platform + details.resource,
    retryDetails: details,
    createdTime: row.created_time,
    completedTime: row.completed_time,
    appExitCode: row.app_exit_code,
    virtualCluster: row.virtual_cluster,
    totalGpuNumber: row.total_gpu_number,
    totalTaskNumber: row.total_task_number,
    totalTaskRoleNumber: row.total_task_role_number,
    appLaunchedTime: row.app_launched_time,
  };
  if (row.namespace !== null && row.namespace !== row.username) item.namespace = row.namespace;
  if (row.legacy === 1) item.legacy = true;
  if (row.imported === 1) item.imported = true;
  const queue = row.state === 'WAITING' && !row.imported ? queueOf?.(row) : null;
  if (queue) item.queue = queue;
  return item;
}

function jobStatus(row: JobRow, queueOf?: QueueStatusOf): JobStatus {
  const {
    name: _name,
    namespace: _namespace,
    legacy: _legacy,
    ...listed
  } = jobListItem(row, queueOf);
  return {
    name: row.framework_name,
    ...listed,
    appId: null,
    appProgress: null,
    appTrackingUrl: null,
    appLaunchedTime: row.app_launched_time,
    appCompletedTime: row.app_completed_time,
    appExitSpec: null,
    appExitDiagnostics: row.app_exit_diagnostics,
    appExitMessages: null,
    appExitTriggerMessage: row.app_exit_trigger_message,
    appExitTriggerTaskRoleName: row.app_exit_trigger_task_role_name,
    appExitTriggerTaskIndex: row.app_exit_trigger_task_index,
    appExitType: row.app_exit_type,
  };
}

function parsePorts(text: string | null): Record<string, string> | null {
  try {
    return text === null ? null : (JSON.parse(text) as Record<string, string>);
  } catch {
    return null;
  }
}

/** Task role names in config order; none when the stored config cannot be read. */
function taskRoleOrder(configJson: string | null): string[] {
  try {
    const roles = configJson ? (JSON.parse(configJson) as JobConfig).taskRoles : [];
    return Array.isArray(roles) ? roles.map((role) => role.name) : [];
  } catch {
    return [];
  }
}

/** Task roles in the order of the job config, each with its tasks in index order. */
/** Where a started task's log can be read (`containerLog`). */
export type TaskLogUrl = (taskRole: string, taskIndex: number) => string;

function taskRoles(
  row: JobRow,
  tasks: TaskRow[],
  logUrl: TaskLogUrl,
): Record<string, TaskRoleDetail> {
  const configOrder = taskRoleOrder(row.config_json);
  const names = [
    ...new Set([
      ...configOrder.filter((name) => tasks.some((t) => t.task_role === name)),
      ...tasks.map((t) => t.task_role),
    ]),
  ];
  const roles: Record<string, TaskRoleDetail> = {};
  for (const name of names) {
    roles[name] = {
      taskRoleStatus: { name },
      taskStatuses: tasks
        .filter((task) => task.task_role === name)
        .sort((a, b) => a.task_index - b.task_index)
        .map((task) => ({
          taskIndex: task.task_index,
          taskState: task.state as TaskState,
          containerId: task.container_id,
          containerIp: task.container_ip,
          containerPorts: parsePorts(task.container_ports),
          containerGpus: task.container_gpus,
          containerLog: task.container_id === null ? null : logUrl(task.task_role, task.task_index),
          containerExitCode: task.container_exit_code,
        })),
    };
  }
  return roles;
}

/** Diagnostics as shown to anyone but the owner and admins: the stderr tail is output, and output is theirs. */
export function withoutStderrTail(diagnostics: string | null): string | null {
  const tailAt = diagnostics?.indexOf(STDERR_TAIL_HEADING) ?? -1;
  if (!diagnostics || tailAt < 0) return diagnostics;
  return `${diagnostics.slice(0, tailAt)}\n(The end of its stderr is shown to the job's owner and administrators.)`;
}

/** The job detail (docs/api.md §5.3); `urlName` is the job name as the request's URL gave it. */
export function jobDetail(
  row: JobRow,
  urlName: string,
  tasks: TaskRow[],
  logUrl: TaskLogUrl,
  /** False for anyone but the owner and admins: the stderr tail is output, and output is theirs. */
  showOutput: boolean,
  queueOf?: QueueStatusOf,
): JobDetail {
  const status = jobStatus(row, queueOf);
  if (!showOutput) status.appExitDiagnostics = withoutStderrTail(status.appExitDiagnostics);
  return { name: urlName, jobStatus: status, taskRoles: taskRoles(row, tasks, logUrl) };
}
