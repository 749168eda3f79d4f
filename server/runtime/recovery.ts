import type { ActiveJob, TaskRun } from './active-job.ts';
import { gpuIndicesOf, taskSlot, type GpuAssignment } from './capacity.ts';
import { stoppedOutcome, type Outcome } from './completion.ts';
import { parseJobSpec } from './job-spec.ts';
import type { RuntimePaths } from './paths.ts';
import { parseContainerPorts } from './ports.ts';
import type { RuntimeJobRow, RuntimeTaskRow, RuntimeStore } from './runtime-store.ts';
import type { TaskEnd } from './task-end.ts';
import { isTaskWrapper, readExitRecord } from './task-process.ts';

/** A job found RUNNING in the store after a restart. */
export interface RecoveredJob {
  job: ActiveJob;
  gpus: GpuAssignment;
  /** Tasks whose wrapper is still running: to be watched again. */
  alive: { task: TaskRun; pid: number }[];
  /** Tasks the store calls running whose process has gone: to be settled from their exit status. */
  gone: TaskRun[];
}

export function activeJobFromRow(row: RuntimeJobRow): ActiveJob {
  return {
    id: row.id,
    frameworkName: row.framework_name,
    name: row.name,
    username: row.username,
    owner: row.user_id ?? `name:${row.username}`,
    vc: row.virtual_cluster,
    spec: parseJobSpec(row.config_json ?? '{}'),
    attempt: row.attempt,
    retries: row.retries,
    phase: 'queued',
    stopRequested: row.execution_type === 'STOP',
    removed: false,
    outcome: null,
    tasks: [],
    timer: undefined,
    launching: null,
  };
}

/** Ended tasks as the store has them, so that completion counts them. */
function endedFromRow(row: RuntimeTaskRow): TaskEnd | null {
  if (row.state !== 'SUCCEEDED' && row.state !== 'FAILED' && row.state !== 'STOPPED') return null;
  return {
    state: row.state,
    exitCode: row.container_exit_code ?? 0,
    diagnostics: row.exit_diagnostics ?? '',
    failureKind: null,
  };
}

/** Rebuilds a running job from its rows and finds out which of its tasks are still there. */
export function recoverRunningJob(
  store: RuntimeStore,
  paths: RuntimePaths,
  row: RuntimeJobRow,
): RecoveredJob {
  const job = activeJobFromRow(row);
  job.phase = 'running';
  job.outcome = row.pending_outcome
    ? (JSON.parse(row.pending_outcome) as Outcome)
    : job.stopRequested
      ? stoppedOutcome()
      : null;
  const recovered: RecoveredJob = { job, gpus: new Map(), alive: [], gone: [] };
  for (const taskRow of store.tasks(row.id)) {
    const taskDir = paths.taskDir(row.id, taskRow.attempt, taskRow.task_role, taskRow.task_index);
    const task: TaskRun = {
      role: taskRow.task_role,
      index: taskRow.task_index,
      containerId:
        taskRow.container_id ??
        paths.containerId(row.id, taskRow.attempt, taskRow.task_role, taskRow.task_index),
      taskDir,
      workDir: paths.workDir(taskDir),
      ports: parseContainerPorts(taskRow.container_ports),
      gpus: gpuIndicesOf(taskRow.container_gpus),
      env: {},
      process: null,
      ssh: null,
      stopReason: job.outcome ? 'the job was ending when the server stopped' : null,
      end: endedFromRow(taskRow),
    };
    job.tasks.push(task);
    recovered.gpus.set(taskSlot(task.role, task.index), task.gpus);
    if (task.end || taskRow.state !== 'RUNNING') continue;
    if (
      readExitRecord(taskDir) === null &&
      taskRow.pid !== null &&
      isTaskWrapper(taskRow.pid, taskDir)
    ) {
      recovered.alive.push({ task, pid: taskRow.pid });
    } else {
      recovered.gone.push(task);
    }
  }
  return recovered;
}
