import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v1/jobs/<ns>~<name>/config`: the exact text that was submitted. */
export function fetchJobConfig(job: JobRef, signal?: AbortSignal): Promise<string> {
  return apiRequest<string>(`${jobApiPath(job)}/config`, { responseType: 'text', signal });
}

export const jobConfigQueryOptions = (job: JobRef) =>
  queryOptions({
    queryKey: queryKeys.jobs.config(job),
    queryFn: ({ signal }) => fetchJobConfig(job, signal),
    staleTime: Infinity, // a submitted config never changes
  });
