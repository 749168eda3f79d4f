import { queryOptions } from '@tanstack/react-query';
import type { JobAttempt } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET …/:job/attempts`: the job's attempts, newest first (this server's own route, README "Retries"). */
export function fetchJobAttempts(job: JobRef, signal?: AbortSignal): Promise<JobAttempt[]> {
  return apiRequest<JobAttempt[]>(`${jobApiPath(job)}/attempts`, { signal });
}

export const jobAttemptsQueryOptions = (job: JobRef) =>
  queryOptions({
    queryKey: queryKeys.jobs.attempts(job),
    queryFn: ({ signal }) => fetchJobAttempts(job, signal),
  });
