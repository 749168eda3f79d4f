import type { TaskMetricSample } from '../../contract/api-types.ts';
import type { Db } from '../store/db.ts';

/** Samples kept per task attempt; above it the older half is thinned to every other sample. */
export const MAX_SAMPLES_PER_TASK = 240;

export interface TaskKey {
  jobId: number;
  taskRole: string;
  taskIndex: number;
  attempt: number;
}

interface SampleRow {
  attempt: number;
  time: number;
  cpu_percent: number;
  rss_bytes: number;
  gpu_memory_bytes: number | null;
  gpu_percent: number | null;
}

/**
 * Resource samples of task attempts. At 5 s per sample, 240 samples cover 20 minutes at full
 * resolution; older samples are halved each time the count overflows, so a day-long task keeps
 * its whole history at a coarser step and the table stays bounded per task.
 */
export class TaskMetricsStore {
  constructor(private readonly db: Db) {}

  add(task: TaskKey, sample: TaskMetricSample): void {
    const key = [task.jobId, task.taskRole, task.taskIndex, task.attempt] as const;
    this.db
      .prepare(
        `INSERT INTO task_metrics (job_id, task_role, task_index, attempt, time, cpu_percent, rss_bytes, gpu_memory_bytes, gpu_percent)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ...key,
        sample.time,
        sample.cpuPercent,
        sample.rssBytes,
        sample.gpuMemoryBytes,
        sample.gpuPercent,
      );
    const count = this.db
      .prepare(
        `SELECT count(*) AS n FROM task_metrics WHERE job_id = ? AND task_role = ? AND task_index = ? AND attempt = ?`,
      )
      .get(...key) as { n: number };
    if (count.n <= MAX_SAMPLES_PER_TASK) return;
    this.db
      .prepare(
        `DELETE FROM task_metrics WHERE rowid IN (
           SELECT rowid FROM (
             SELECT rowid, row_number() OVER (ORDER BY time) AS n FROM task_metrics
             WHERE job_id = ? AND task_role = ? AND task_index = ? AND attempt = ?
           ) WHERE n <= ? AND n % 2 = 0
         )`,
      )
      .run(...key, MAX_SAMPLES_PER_TASK / 2);
  }

  /** The samples of every attempt of one task, oldest first. */
  list(
    jobId: number,
    taskRole: string,
    taskIndex: number,
  ): (TaskMetricSample & { attempt: number })[] {
    const rows = this.db
      .prepare(
        `SELECT attempt, time, cpu_percent, rss_bytes, gpu_memory_bytes, gpu_percent FROM task_metrics
         WHERE job_id = ? AND task_role = ? AND task_index = ? ORDER BY attempt, time`,
      )
      .all(jobId, taskRole, taskIndex) as SampleRow[];
    return rows.map((row) => ({
      attempt: row.attempt,
      time: row.time,
      cpuPercent: row.cpu_percent,
      rssBytes: row.rss_bytes,
      gpuMemoryBytes: row.gpu_memory_bytes,
      gpuPercent: row.gpu_percent,
    }));
  }
}
