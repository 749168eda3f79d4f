import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../model/job-ref.ts';
import { detailKeys } from './keys.ts';

/** `GET .../:jobName/config`: the exact text that was submitted. */
export function fetchJobConfig(job: JobRef, signal?: AbortSignal): Promise<string> {
  return apiRequest<string>(`${jobApiPath(job)}/config`, { responseType: 'text', signal });
}

export function useJobConfig(job: JobRef, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: detailKeys.config(job),
      queryFn: ({ signal }) => fetchJobConfig(job, signal),
      enabled,
      staleTime: Infinity, // a submitted config never changes
    }),
  );
}
