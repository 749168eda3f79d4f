import type { ExecutionType } from '../../contract/api-types.ts';
import type { Db } from './db.ts';

/** A `jobs` row as stored (migrations 1 and 2). */
export interface JobRow {
  id: number;
  framework_name: string;
  name: string;
  namespace: string | null;
  username: string;
  /** The submitter's user id (migration 8); NULL for history of a name that had no user. */
  user_id: string | null;
  legacy: number;
  imported: number;
  virtual_cluster: string;
  config_text: string | null;
  config_json: string | null;
  state: string;
  sub_state: string;
  execution_type: string;
  retries_user: number;
  retries_platform: number;
  retries_resource: number;
  created_time: number;
  completed_time: number | null;
  app_launched_time: number | null;
  app_completed_time: number | null;
  app_exit_code: number | null;
  app_exit_diagnostics: string | null;
  app_exit_trigger_message: string | null;
  app_exit_trigger_task_role_name: string | null;
  app_exit_trigger_task_index: number | null;
  app_exit_type: string | null;
  total_gpu_number: number;
  total_task_number: number;
  total_task_role_number: number;
}

/** A `tasks` row as the runtime writes it. */
export interface TaskRow {
  job_id: number;
  task_role: string;
  task_index: number;
  state: string;
  container_id: string | null;
  container_ip: string | null;
  container_ports: string | null;
  container_gpus: number | null;
  container_exit_code: number | null;
}

/** The columns a new row needs; the others take their defaults (a new job: WAITING, START). */
export type NewJobRow = Pick<
  JobRow,
  | 'framework_name'
  | 'name'
  | 'namespace'
  | 'username'
  | 'legacy'
  | 'virtual_cluster'
  | 'config_text'
  | 'config_json'
  | 'created_time'
  | 'total_gpu_number'
  | 'total_task_number'
  | 'total_task_role_number'
> &
  Partial<Omit<JobRow, 'id'>>;

export class JobStore {
  constructor(private readonly db: Db) {}

  byFrameworkName(frameworkName: string): JobRow | undefined {
    return this.db.prepare('SELECT * FROM jobs WHERE framework_name = ?').get(frameworkName) as
      JobRow | undefined;
  }

  /** Inserts a row and returns its id, or null when the framework name is taken. */
  insert(row: NewJobRow): number | null {
    const columns = Object.keys(row);
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO jobs (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`,
      )
      .run(row);
    return result.changes === 1 ? Number(result.lastInsertRowid) : null;
  }

  setExecutionType(id: number, executionType: ExecutionType): void {
    this.db.prepare('UPDATE jobs SET execution_type = ? WHERE id = ?').run(executionType, id);
  }

  /** Ends an imported job that its old cluster still listed as running (no runtime owns it). */
  settleImportedAsStopped(id: number, exitCode: number, now = Date.now()): void {
    this.db
      .prepare(
        `UPDATE jobs SET execution_type = 'STOP', state = 'STOPPED', sub_state = 'FRAMEWORK_COMPLETED',
           app_exit_code = ?, completed_time = ?, app_completed_time = ?
         WHERE id = ? AND imported = 1 AND state NOT IN ('SUCCEEDED', 'FAILED', 'STOPPED')`,
      )
      .run(exitCode, now, now, id);
  }

  /** Jobs of the user (by id, or by name where no id was kept) that have not ended or been stopped. */
  unfinishedOf(userId: string, username: string): JobRow[] {
    return this.db
      .prepare(
        `SELECT * FROM jobs WHERE (user_id = ? OR (user_id IS NULL AND username = ?))
           AND execution_type != 'STOP' AND state NOT IN ('SUCCEEDED', 'FAILED', 'STOPPED')`,
      )
      .all(userId, username) as JobRow[];
  }

  /** Gives jobs kept by name only to the user of that name, so they leave with that user. */
  bindNamedJobs(userId: string, username: string): void {
    this.db
      .prepare('UPDATE jobs SET user_id = ? WHERE user_id IS NULL AND username = ?')
      .run(userId, username);
  }

  /** Deletes the job; its task rows go with it (foreign key cascade). */
  delete(id: number): void {
    this.db.prepare('DELETE FROM jobs WHERE id = ?').run(id);
  }

  tasksOf(id: number): TaskRow[] {
    return this.db
      .prepare('SELECT * FROM tasks WHERE job_id = ? ORDER BY rowid, task_index')
      .all(id) as TaskRow[];
  }
}
