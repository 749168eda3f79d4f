import type { JobState } from '../../contract/api-types.ts';
import {
  JOB_NAME_PATTERN,
  NAME_MAX_LENGTH,
  RESERVED_NAMES,
} from '../../contract/job-config-schema.ts';
import type { Db } from '../store/db.ts';
import { UserStore } from '../store/users.ts';
import { JobStore, type NewJobRow } from '../store/jobs.ts';
import { compileSchemaCheck } from '../validation/schema-validator.ts';
import { USER_NAME_SCHEMA } from '../validation/user-name.ts';

/** One job as an OpenPAI cluster lists it (docs/api.md §5.2), optionally with its config text. */
export interface ImportedJob {
  name: string;
  username: string;
  state?: JobState;
  subState?: string;
  executionType?: 'START' | 'STOP';
  retries?: number;
  retryDetails?: { user?: number; platform?: number; resource?: number };
  createdTime?: number;
  completedTime?: number | null;
  appExitCode?: number | null;
  virtualCluster?: string;
  totalGpuNumber?: number;
  totalTaskNumber?: number;
  totalTaskRoleNumber?: number;
  namespace?: string;
  legacy?: boolean;
  config?: string;
}

const count = { type: 'integer', minimum: 0 };
const checkItem = compileSchemaCheck(
  {
    type: 'object',
    required: ['name', 'username'],
    properties: {
      name: {
        type: 'string',
        pattern: JOB_NAME_PATTERN,
        maxLength: NAME_MAX_LENGTH.jobName,
        not: { enum: ['.', '..', ...RESERVED_NAMES] },
      },
      username: USER_NAME_SCHEMA,
      state: {
        enum: ['WAITING', 'RUNNING', 'STOPPING', 'SUCCEEDED', 'FAILED', 'STOPPED', 'UNKNOWN'],
      },
      subState: { type: 'string' },
      executionType: { enum: ['START', 'STOP'] },
      retries: count,
      retryDetails: {
        type: 'object',
        properties: { user: count, platform: count, resource: count },
      },
      createdTime: { type: 'number', minimum: 0 },
      completedTime: { type: ['number', 'null'], minimum: 0 },
      appExitCode: { type: ['integer', 'null'] },
      virtualCluster: { type: 'string' },
      totalGpuNumber: count,
      totalTaskNumber: count,
      totalTaskRoleNumber: count,
      namespace: USER_NAME_SCHEMA,
      legacy: { type: 'boolean' },
      config: { type: 'string' },
    },
  },
  'item',
);

/** OpenPAI's createdTime when the launcher has none: 1 Feb 2018. */
const FALLBACK_CREATED_TIME = new Date(2018, 1, 1).getTime();

/** `userId`: the user of the job's name at import time, whose history it becomes. */
function toRow(job: ImportedJob, userId: string | null): NewJobRow {
  const legacy = job.legacy === true;
  const namespace = legacy ? null : (job.namespace ?? job.username);
  const details = job.retryDetails;
  return {
    framework_name: legacy ? job.name : `${namespace}~${job.name}`,
    name: job.name,
    namespace,
    username: job.username,
    user_id: userId,
    legacy: legacy ? 1 : 0,
    imported: 1,
    virtual_cluster: job.virtualCluster || 'default',
    config_text: job.config ?? null,
    config_json: null,
    state: job.state ?? 'UNKNOWN',
    sub_state: job.subState ?? '',
    execution_type: job.executionType ?? 'START',
    retries_user: details ? (details.user ?? 0) : (job.retries ?? 0),
    retries_platform: details?.platform ?? 0,
    retries_resource: details?.resource ?? 0,
    created_time: job.createdTime ?? FALLBACK_CREATED_TIME,
    completed_time: job.completedTime ?? null,
    app_exit_code: job.appExitCode ?? null,
    total_gpu_number: job.totalGpuNumber ?? 0,
    total_task_number: job.totalTaskNumber ?? 0,
    total_task_role_number: job.totalTaskRoleNumber ?? 0,
  };
}

export class ImportError extends Error {}

/**
 * Imports job history (a JSON array of list items) in one transaction. Jobs already present
 * (same namespace and name, or same legacy name) are skipped, so importing twice adds nothing.
 * Any invalid item rejects the whole file, naming each problem.
 */
export function importJobs(db: Db, text: string): { imported: number; skipped: number } {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`The file is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(items))
    throw new ImportError('The file must hold a JSON array of jobs (GET /api/v1/jobs items).');
  const problems = items.flatMap((item, index) =>
    checkItem(item).problems.map((problem) => `jobs[${index}]: ${problem.message}`),
  );
  if (problems.length > 0) throw new ImportError(problems.slice(0, 20).join('\n'));
  const store = new JobStore(db);
  const users = new UserStore(db);
  return db.transaction(() => {
    let imported = 0;
    for (const item of items as ImportedJob[])
      if (store.insert(toRow(item, users.get(item.username)?.id ?? null)) !== null) imported += 1;
    return { imported, skipped: items.length - imported };
  })();
}
