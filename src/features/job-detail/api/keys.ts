import { jobKey, type JobRef } from '../model/job-ref.ts';

/** Query keys of a job's page, under `['jobs']` so list-wide invalidations reach them; `job()` refreshes the whole page. */
export const detailKeys = {
  job: (job: JobRef) => ['jobs', 'detail', jobKey(job)] as const,
  status: (job: JobRef) => [...detailKeys.job(job), 'status'] as const,
  config: (job: JobRef) => [...detailKeys.job(job), 'config'] as const,
  ssh: (job: JobRef) => [...detailKeys.job(job), 'ssh'] as const,
  log: (job: JobRef, task: string, stream: string) =>
    [...detailKeys.job(job), 'log', task, stream] as const,
};
