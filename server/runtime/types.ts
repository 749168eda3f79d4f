import type { JobQueueStatus, SshInfo, TaskIsolationInfo } from '../../contract/api-types.ts';
import type { RuntimeEvents } from './runtime-events.ts';

/** Resources in use in one virtual cluster. */
export interface VirtualClusterUsage {
  vCores: number;
  memory: number;
  GPUs: number;
  /** Jobs holding resources in this VC. */
  runningJobs: number;
  /** Jobs queued in this VC. */
  waitingJobs: number;
}

/** The kept log of one task's stdout or stderr. */
export interface TaskLog {
  text: Buffer;
  /** Bytes kept on disk for the stream (current file plus the rotated one). */
  keptBytes: number;
  taskRunning: boolean;
}

/**
 * What the API routes ask of the local job runtime. The routes write the job row (state WAITING)
 * and then call the runtime; the runtime owns every status column and the `tasks` rows afterwards.
 */
export interface JobRuntime {
  /** Job transitions and scheduler passes, as they happen. */
  readonly events: RuntimeEvents;
  /** Recover after a restart (re-track live tasks, settle ended ones), then start scheduling. */
  start(): Promise<void>;
  /** A new job row was committed: create its SSH key pair and queue it. */
  enqueue(jobId: number): void;
  /** The job's `execution_type` was set to STOP: stop its tasks, or drop it from the queue. */
  stop(jobId: number): void;
  /** The job row is about to be deleted: end its processes and free its resources and files. */
  remove(jobId: number): Promise<void>;
  /** Why a job it runs has not started yet (docs/api.md §5.3, `queue`); null once started. */
  queueStatus?(jobId: number): JobQueueStatus | null;
  /** Resources held and queued per virtual cluster. */
  usage(): Map<string, VirtualClusterUsage>;
  /** SSH info for a job (docs/api.md §5.6), or null when it has none (yet). */
  sshInfo(jobId: number, baseUrl: string): SshInfo | null;
  /**
   * A task's log, or null when the job has no such task. Without `tailBytes`: the last 64 KiB
   * while the task runs, everything kept once it has ended. With `attempt`, that attempt's log
   * while its files are kept (null once they are gone).
   */
  taskLog(
    jobId: number,
    taskRole: string,
    taskIndex: number,
    stream: 'stdout' | 'stderr',
    tailBytes: number | null,
    attempt?: number | null,
  ): TaskLog | null;
  /** The attempts whose logs are still kept, oldest first. */
  keptAttempts(jobId: number): number[];
  /** The job's private SSH key file, or null when it has none. */
  privateKeyPath(jobId: number): string | null;
  /** Why the server cannot sample its tasks' resources (they run elsewhere); absent when it can. */
  readonly tasksNotSampled?: string;
  /** How tasks are isolated (PAI_TASK_ISOLATION on this machine); null before `start()`. */
  isolation?(): TaskIsolationInfo | null;
  /** Stop tracking (server shutdown). Task processes keep running; `start()` picks them up again. */
  close(): Promise<void>;
}
