import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { JobDetail } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { PaiError } from '../../lib/pai-error.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v1/jobs/<ns>~<name>` (or `/api/v1/jobs/<name>` for a legacy job). */
export function fetchJob(job: JobRef, signal?: AbortSignal): Promise<JobDetail> {
  return apiRequest<JobDetail>(jobApiPath(job), { signal });
}

export const jobQueryOptions = (job: JobRef) =>
  queryOptions({
    queryKey: queryKeys.jobs.status(job),
    queryFn: ({ signal }) => fetchJob(job, signal),
  });

/**
 * Whether `username` already has a job called `jobName`: the same query as the job's page (a
 * fresh answer in the cache is reused, and one fetched here serves the page), 404 → free.
 */
export async function isJobNameTaken(
  queryClient: QueryClient,
  username: string,
  jobName: string,
): Promise<boolean> {
  try {
    await queryClient.fetchQuery({ ...jobQueryOptions({ name: jobName, username }), retry: false });
    return true;
  } catch (error) {
    if (error instanceof PaiError && error.status === 404) return false;
    throw error;
  }
}
