import type { JobListRequest } from '../lib/job-list-local.ts';
import { jobKey, type JobRef } from '../lib/job-links.ts';

/**
 * Every query key of the portal, from one factory. Keys are prefixes of each other the way the
 * data depends on each other: everything read from `/api/v1/jobs…` sits under `jobs.all`, so a
 * stop or a submit refreshes the dashboard counts, the list and the job's page with one call.
 */
export const queryKeys = {
  authn: {
    info: () => ['authn', 'info'] as const,
  },
  cluster: {
    info: () => ['cluster', 'info'] as const,
  },
  jobs: {
    all: ['jobs'] as const,
    lists: () => [...queryKeys.jobs.all, 'list'] as const,
    list: (request: JobListRequest) => [...queryKeys.jobs.lists(), request] as const,
    allCounts: () => [...queryKeys.jobs.all, 'counts'] as const,
    counts: (username: string | null) => [...queryKeys.jobs.allCounts(), username ?? '*'] as const,
    allRecent: () => [...queryKeys.jobs.all, 'recent'] as const,
    recent: (username: string) => [...queryKeys.jobs.allRecent(), username] as const,
    /** One job's page: `detail(job)` refreshes all of it. */
    detail: (job: JobRef) => [...queryKeys.jobs.all, 'detail', jobKey(job)] as const,
    status: (job: JobRef) => [...queryKeys.jobs.detail(job), 'status'] as const,
    config: (job: JobRef) => [...queryKeys.jobs.detail(job), 'config'] as const,
    ssh: (job: JobRef) => [...queryKeys.jobs.detail(job), 'ssh'] as const,
    log: (job: JobRef, task: string, stream: string) =>
      [...queryKeys.jobs.detail(job), 'log', task, stream] as const,
    attemptLog: (job: JobRef, task: string, stream: string, attempt: number) =>
      [...queryKeys.jobs.log(job, task, stream), attempt] as const,
    metrics: (job: JobRef, task: string) =>
      [...queryKeys.jobs.detail(job), 'metrics', task] as const,
    attempts: (job: JobRef) => [...queryKeys.jobs.detail(job), 'attempts'] as const,
  },
  virtualClusters: {
    all: ['virtual-clusters'] as const,
  },
  tokens: {
    application: () => ['tokens', 'application'] as const,
  },
  users: {
    all: ['users'] as const,
    /** Every user, as admins see them (`GET /api/v2/user`). */
    list: () => [...queryKeys.users.all, 'list'] as const,
    detail: (username: string) => [...queryKeys.users.all, 'detail', username] as const,
  },
  /** Read once per visit of the submit page; outside `jobs` so a refresh never renames under the person's hands. */
  submit: {
    cloneSource: (user: string, clone: string) => ['submit', 'clone-source', user, clone] as const,
  },
};
