import type { Db } from '../store/db.ts';
import { gpuIndicesOf } from '../runtime/capacity.ts';
import { gpuMemoryByPid, gpuUtilizationByIndex, meanUtilization } from './nvidia-smi.ts';
import { readProcessTable, treeUsage } from './process-tree.ts';
import { TaskMetricsStore, type TaskKey } from './task-metrics-store.ts';

export const DEFAULT_METRICS_INTERVAL_MS = 5000;

interface RunningTask {
  job_id: number;
  task_role: string;
  task_index: number;
  attempt: number;
  pid: number;
  started_time: number | null;
  container_gpus: number | null;
}

interface Previous {
  time: number;
  cpuSeconds: number;
}

const keyOf = (task: TaskKey) =>
  `${task.jobId}\0${task.taskRole}\0${task.taskIndex}\0${task.attempt}`;

/**
 * Samples the running tasks of this machine every `intervalMs`: CPU (since the previous sample,
 * or since the task started), resident memory of the task's process tree, and, for a task given
 * GPUs where nvidia-smi exists, the GPU memory of its processes and the mean utilisation of its
 * GPUs. Reads /proc, so it sees tasks whether or not they are sandboxed.
 */
export class TaskMetricsSampler {
  private readonly store: TaskMetricsStore;
  private readonly previous = new Map<string, Previous>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  readonly intervalMs: number;

  constructor(
    private readonly db: Db,
    intervalMs = DEFAULT_METRICS_INTERVAL_MS,
  ) {
    // Reading all of /proc more often than 10 times a second would cost more than it tells.
    this.intervalMs = Math.max(100, intervalMs);
    this.store = new TaskMetricsStore(db);
  }

  start(): void {
    this.timer = setInterval(() => void this.sampleOnce(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async sampleOnce(now = Date.now()): Promise<void> {
    if (this.running) return; // A slow round (busy machine) is not overlapped.
    this.running = true;
    try {
      const tasks = this.db
        .prepare(
          `SELECT t.job_id, t.task_role, t.task_index, j.attempt, t.pid, t.started_time, t.container_gpus
           FROM tasks t JOIN jobs j ON j.id = t.job_id
           WHERE t.state = 'RUNNING' AND t.pid IS NOT NULL`,
        )
        .all() as RunningTask[];
      if (tasks.length === 0) {
        this.previous.clear();
        return;
      }
      const table = readProcessTable();
      // nvidia-smi is asked only while some task has GPUs; both queries at once, each bounded.
      const [gpuMemory, gpuUtilization] = tasks.some((task) => task.container_gpus)
        ? await Promise.all([gpuMemoryByPid(), gpuUtilizationByIndex()])
        : [null, null];
      const seen = new Set<string>();
      for (const task of tasks) {
        const usage = treeUsage(table, task.pid);
        if (!usage) continue;
        const key: TaskKey = {
          jobId: task.job_id,
          taskRole: task.task_role,
          taskIndex: task.task_index,
          attempt: task.attempt,
        };
        const id = keyOf(key);
        seen.add(id);
        const before = this.previous.get(id) ?? {
          time: task.started_time ?? now,
          cpuSeconds: 0,
        };
        const elapsedSeconds = (now - before.time) / 1000;
        const cpuPercent =
          elapsedSeconds > 0
            ? Math.max(0, ((usage.cpuSeconds - before.cpuSeconds) / elapsedSeconds) * 100)
            : 0;
        this.previous.set(id, { time: now, cpuSeconds: usage.cpuSeconds });
        const gpus = gpuIndicesOf(task.container_gpus);
        this.store.add(key, {
          time: now,
          cpuPercent: Math.round(cpuPercent * 10) / 10,
          rssBytes: usage.rssBytes,
          gpuMemoryBytes:
            gpus.length > 0 && gpuMemory
              ? usage.pids.reduce((sum, pid) => sum + (gpuMemory.get(pid) ?? 0), 0)
              : null,
          gpuPercent: meanUtilization(gpuUtilization, gpus),
        });
      }
      for (const id of this.previous.keys()) if (!seen.has(id)) this.previous.delete(id);
    } catch {
      // A round that fails (database closing at shutdown) is skipped; the next one tries again.
    } finally {
      this.running = false;
    }
  }
}
