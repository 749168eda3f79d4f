import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JobListItem } from '../../../../contract/api-types.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { jobApiPath } from '../../../lib/job-links.ts';
import { errorMessage } from '../../../lib/pai-error.ts';
import { jobsKeys } from './keys.ts';

export interface StopResult {
  job: JobListItem;
  /** null when the stop was accepted. */
  error: string | null;
}

/** `PUT /api/v1/jobs/<ns>~<name>/executionType {"value":"STOP"}` (legacy jobs: no namespace). */
export function stopJob(job: JobListItem): Promise<unknown> {
  return apiRequest(`${jobApiPath(job)}/executionType`, { method: 'PUT', body: { value: 'STOP' } });
}

/** Stops every job, each on its own; says per job whether it stopped and why not. */
export async function stopJobs(jobs: JobListItem[]): Promise<StopResult[]> {
  const settled = await Promise.allSettled(jobs.map(stopJob));
  return settled.map((outcome, index) => ({
    job: jobs[index]!,
    error: outcome.status === 'fulfilled' ? null : errorMessage(outcome.reason),
  }));
}

export function useStopJobs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopJobs,
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobsKeys.all }),
  });
}
