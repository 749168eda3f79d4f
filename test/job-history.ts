import type { ImportedJob } from '../server/jobs/import-jobs.ts';

const base = { retries: 0, totalTaskNumber: 1, totalTaskRoleNumber: 1, totalGpuNumber: 0 };
/** Imported jobs of alice and bob in every state, for the portal's hooks to page, filter and count. */
export const jobHistory: ImportedJob[] = [
  {
    ...base,
    name: 'a-train-1',
    username: 'alice',
    state: 'RUNNING',
    createdTime: 1_000,
    virtualCluster: 'default',
  },
  {
    ...base,
    name: 'a-train-2',
    username: 'alice',
    state: 'FAILED',
    createdTime: 2_000,
    completedTime: 2_500,
    virtualCluster: 'research',
  },
  {
    ...base,
    name: 'a-eval',
    username: 'alice',
    state: 'SUCCEEDED',
    createdTime: 3_000,
    completedTime: 3_100,
    virtualCluster: 'default',
  },
  {
    ...base,
    name: 'a-wait',
    username: 'alice',
    state: 'WAITING',
    createdTime: 4_000,
    virtualCluster: 'default',
  },
  {
    ...base,
    name: 'b-train',
    username: 'bob',
    state: 'RUNNING',
    createdTime: 5_000,
    virtualCluster: 'default',
  },
  {
    ...base,
    name: 'old-run',
    username: 'alice',
    state: 'STOPPED',
    createdTime: 500,
    completedTime: 600,
    legacy: true,
    virtualCluster: 'default',
  },
];
