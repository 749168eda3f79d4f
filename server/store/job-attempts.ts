import type { Db } from './db.ts';

/** A `job_attempts` row (migration 3): one ended attempt of a job. */
export interface JobAttemptRow {
  attempt: number;
  launched_time: number | null;
  completed_time: number;
  exit_code: number | null;
  exit_diagnostics: string | null;
  failure_kind: string | null;
  trigger_task_role_name: string | null;
  trigger_task_index: number | null;
}

/** The ended attempts of a job, newest first. */
export function endedAttempts(db: Db, jobId: number): JobAttemptRow[] {
  return db
    .prepare(
      `SELECT attempt, launched_time, completed_time, exit_code, exit_diagnostics, failure_kind,
         trigger_task_role_name, trigger_task_index
       FROM job_attempts WHERE job_id = ? ORDER BY attempt DESC`,
    )
    .all(jobId) as JobAttemptRow[];
}

/** The job's current (or last) attempt number; the first is 0. */
export function currentAttempt(db: Db, jobId: number): number {
  const row = db.prepare('SELECT attempt FROM jobs WHERE id = ?').get(jobId) as
    { attempt: number } | undefined;
  return row?.attempt ?? 0;
}
