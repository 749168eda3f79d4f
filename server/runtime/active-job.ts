import type { Outcome } from './completion.ts';
import { taskKeys, type JobSpec, type TaskKey } from './job-spec.ts';
import type { RuntimePaths } from './paths.ts';
import type { TaskPorts } from './ports.ts';
import type { TaskSshServer } from './ssh-server.ts';
import type { TaskEnd } from './task-end.ts';
import type { TaskProcess } from './task-process.ts';

/** One task instance of the current attempt. */
export interface TaskRun extends TaskKey {
  containerId: string;
  taskDir: string;
  workDir: string;
  ports: TaskPorts;
  gpus: number[];
  env: Record<string, string>;
  process: TaskProcess | null;
  ssh: TaskSshServer | null;
  /** Set once SIGTERM was sent: however it then ends, the task counts as stopped. */
  stopReason: string | null;
  end: TaskEnd | null;
}

export type JobPhase = 'queued' | 'launching' | 'running' | 'retry-wait';

/** A job the runtime is responsible for, from enqueue until it has ended. */
export interface ActiveJob {
  id: number;
  frameworkName: string;
  name: string;
  username: string;
  /**
   * Whose tasks these are, for their uid and their user files: the user's stable id, so a later
   * user of the same name never shares them; `name:<username>` for a job kept by name only.
   */
  owner: string;
  vc: string;
  spec: JobSpec;
  attempt: number;
  retries: number;
  phase: JobPhase;
  stopRequested: boolean;
  removed: boolean;
  /** Decided while the remaining tasks are being stopped. */
  outcome: Outcome | null;
  tasks: TaskRun[];
  timer: NodeJS.Timeout | undefined;
  /** Settles when a launch in progress has finished (or given up). */
  launching: Promise<void> | null;
}

export function newTaskRuns(paths: RuntimePaths, job: ActiveJob): TaskRun[] {
  return taskKeys(job.spec).map(({ role, index }) => {
    const taskDir = paths.taskDir(job.id, job.attempt, role, index);
    return {
      role,
      index,
      containerId: paths.containerId(job.id, job.attempt, role, index),
      taskDir,
      workDir: paths.workDir(taskDir),
      ports: {},
      gpus: [],
      env: {},
      process: null,
      ssh: null,
      stopReason: null,
      end: null,
    };
  });
}

/** Tasks whose process is still there. */
export const liveTasks = (job: ActiveJob): TaskRun[] =>
  job.tasks.filter((task) => task.process?.isRunning);

export const taskLabel = (task: TaskKey): string => `${task.role}[${task.index}]`;
