import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.ts';
import type { JobRow } from '../store/jobs.ts';
import type { TaskKey } from './job-spec.ts';
import type { Outcome } from './completion.ts';
import type { TaskEnd } from './task-end.ts';

/** The job columns the runtime reads (migration 1, plus `attempt` and `pending_outcome` of migration 3). */
export type RuntimeJobRow = Pick<
  JobRow,
  | 'id'
  | 'framework_name'
  | 'name'
  | 'username'
  | 'user_id'
  | 'virtual_cluster'
  | 'config_json'
  | 'state'
  | 'execution_type'
> & {
  attempt: number;
  pending_outcome: string | null;
  retries: number;
  app_launched_time: number | null;
};

export interface RuntimeTaskRow {
  task_role: string;
  task_index: number;
  attempt: number;
  state: string;
  container_id: string | null;
  container_ports: string | null;
  container_gpus: number | null;
  container_exit_code: number | null;
  exit_diagnostics: string | null;
  pid: number | null;
}

/** What a launched task looks like in the `tasks` table. */
export interface LaunchedTask extends TaskKey {
  containerId: string;
  containerIp: string;
  containerPorts: Record<string, string>;
  containerGpus: number;
  pid: number | null;
}

const JOB_COLUMNS = `id, framework_name, name, username, user_id, virtual_cluster, config_json, state, execution_type,
  attempt, pending_outcome, retries_user + retries_platform + retries_resource AS retries, app_launched_time`;

/** Every write of the runtime; each one that touches several rows is one transaction. */
export class RuntimeStore {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /** Each SQL text is prepared once: preparing dominates small statements' cost. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private inTransaction(work: () => void): void {
    this.db.transaction(work)();
  }

  job(id: number): RuntimeJobRow | undefined {
    return this.sql(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`).get(id) as
      RuntimeJobRow | undefined;
  }

  /** Jobs the runtime owns that have not ended, oldest first (imported history is not ours). */
  unfinishedJobs(): RuntimeJobRow[] {
    return this.sql(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE state IN ('WAITING', 'RUNNING') AND imported = 0 ORDER BY id`,
    ).all() as RuntimeJobRow[];
  }

  /** Whether the job's owner is an administrator now (false once the user is deleted). */
  ownerIsAdmin(jobId: number): boolean {
    return (
      this.sql(
        `SELECT users.admin FROM jobs JOIN users ON (jobs.user_id IS NOT NULL AND users.user_id = jobs.user_id)
           OR (jobs.user_id IS NULL AND users.username = jobs.username) WHERE jobs.id = ?`,
      )
        .pluck()
        .get(jobId) === 1
    );
  }

  tasks(jobId: number): RuntimeTaskRow[] {
    return this.sql(
      `SELECT task_role, task_index, attempt, state, container_id, container_ports, container_gpus,
           container_exit_code, exit_diagnostics, pid
         FROM tasks WHERE job_id = ? ORDER BY rowid`,
    ).all(jobId) as RuntimeTaskRow[];
  }

  /** Task rows of a new attempt, all WAITING; the job waits for resources. */
  readonly prepareAttempt = (jobId: number, attempt: number, tasks: TaskKey[]): void =>
    this.inTransaction(() => {
      this.sql('DELETE FROM tasks WHERE job_id = ?').run(jobId);
      const insert = this.sql(
        'INSERT INTO tasks (job_id, task_role, task_index, attempt) VALUES (?, ?, ?, ?)',
      );
      for (const task of tasks) insert.run(jobId, task.role, task.index, attempt);
      this.sql(
        `UPDATE jobs SET state = 'WAITING', sub_state = 'FRAMEWORK_WAITING', attempt = ?, pending_outcome = NULL,
             app_launched_time = NULL WHERE id = ?`,
      ).run(attempt, jobId);
    });

  readonly markRunning = (jobId: number, launchedTime: number, tasks: LaunchedTask[]): void =>
    this.inTransaction(() => {
      const update = this.sql(
        `UPDATE tasks SET state = 'RUNNING', container_id = ?, container_ip = ?, container_ports = ?,
           container_gpus = ?, pid = ?, started_time = ? WHERE job_id = ? AND task_role = ? AND task_index = ?`,
      );
      for (const task of tasks) {
        update.run(
          task.containerId,
          task.containerIp,
          JSON.stringify(task.containerPorts),
          task.containerGpus,
          task.pid,
          launchedTime,
          jobId,
          task.role,
          task.index,
        );
      }
      this.sql(
        `UPDATE jobs SET state = 'RUNNING', sub_state = 'APPLICATION_RUNNING', app_launched_time = ? WHERE id = ?`,
      ).run(launchedTime, jobId);
    });

  /** A task ended; when that decided the attempt, the decision is kept until the other tasks are gone. */
  readonly settleTask = (
    jobId: number,
    task: TaskKey,
    end: TaskEnd,
    now: number,
    decided: Outcome | null,
  ): void =>
    this.inTransaction(() => {
      this.sql(
        `UPDATE tasks SET state = ?, container_exit_code = ?, exit_diagnostics = ?, completed_time = ?
           WHERE job_id = ? AND task_role = ? AND task_index = ?`,
      ).run(end.state, end.exitCode, end.diagnostics, now, jobId, task.role, task.index);
      if (decided) {
        this.sql('UPDATE jobs SET pending_outcome = ? WHERE id = ?').run(
          JSON.stringify(decided),
          jobId,
        );
      }
    });

  private recordAttempt(jobId: number, attempt: number, outcome: Outcome, now: number): void {
    this.sql(
      `INSERT OR REPLACE INTO job_attempts (job_id, attempt, launched_time, completed_time, exit_code,
           exit_diagnostics, failure_kind, trigger_task_role_name, trigger_task_index)
         SELECT id, ?, app_launched_time, ?, ?, ?, ?, ?, ? FROM jobs WHERE id = ?`,
    ).run(
      attempt,
      now,
      outcome.exitCode,
      outcome.diagnostics,
      outcome.failureKind,
      outcome.triggerRole,
      outcome.triggerIndex,
      jobId,
    );
  }

  /** The attempt failed and another one follows: count the retry by kind and queue the job again. */
  readonly retry = (
    jobId: number,
    attempt: number,
    outcome: Outcome,
    now: number,
    tasks: TaskKey[],
  ): void =>
    this.inTransaction(() => {
      this.recordAttempt(jobId, attempt, outcome, now);
      const column = `retries_${outcome.failureKind ?? 'user'}`;
      this.sql(`UPDATE jobs SET ${column} = ${column} + 1 WHERE id = ?`).run(jobId);
      this.prepareAttempt(jobId, attempt + 1, tasks);
    });

  /** The job has ended: final state, exit code and diagnostics; tasks that never ended count as stopped. */
  readonly finish = (jobId: number, attempt: number, outcome: Outcome, now: number): void =>
    this.inTransaction(() => {
      this.recordAttempt(jobId, attempt, outcome, now);
      this.sql(
        `UPDATE tasks SET state = 'STOPPED', completed_time = ? WHERE job_id = ? AND state IN ('WAITING', 'RUNNING')`,
      ).run(now, jobId);
      this.sql(
        `UPDATE jobs SET state = ?, sub_state = 'FRAMEWORK_COMPLETED', completed_time = ?,
             app_completed_time = CASE WHEN app_launched_time IS NULL THEN NULL ELSE ? END,
             app_exit_code = ?, app_exit_diagnostics = ?, app_exit_trigger_message = ?,
             app_exit_trigger_task_role_name = ?, app_exit_trigger_task_index = ?, app_exit_type = ?,
             pending_outcome = NULL,
             -- A stop whose own record failed (full disk: the tasks stop first) is recorded here.
             execution_type = CASE ? WHEN 'USER_STOP' THEN 'STOP' ELSE execution_type END
           WHERE id = ?`,
      ).run(
        outcome.state,
        now,
        now,
        outcome.exitCode,
        outcome.diagnostics,
        outcome.triggerMessage,
        outcome.triggerRole,
        outcome.triggerIndex,
        outcome.exitType,
        outcome.exitType,
        jobId,
      );
    });
}
