import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { JobListItem, MessageResponse } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { errorMessage } from '../../lib/pai-error.ts';
import { invalidateAfterJobChange } from '../invalidate.ts';

/** `PUT /api/v1/jobs/<ns>~<name>/executionType {"value": "STOP"}` (legacy jobs: no namespace). */
export function stopJob(job: JobRef): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(`${jobApiPath(job)}/executionType`, {
    method: 'PUT',
    body: { value: 'STOP' },
  });
}

export interface StopResult {
  job: JobListItem;
  /** null when the stop was accepted. */
  error: string | null;
}

/** Stops every job, each on its own; says per job whether it stopped and why not. */
export async function stopJobs(jobs: JobListItem[]): Promise<StopResult[]> {
  const settled = await Promise.allSettled(jobs.map(stopJob));
  return settled.map((outcome, index) => ({
    job: jobs[index]!,
    error: outcome.status === 'fulfilled' ? null : errorMessage(outcome.reason),
  }));
}

/** One job from its page; afterwards the page, the list and the dashboard all ask again. */
export const stopJobMutationOptions = (queryClient: QueryClient, job: JobRef) =>
  mutationOptions({
    mutationFn: () => stopJob(job),
    onSettled: () => invalidateAfterJobChange(queryClient),
  });

/** The list's bulk stop, with the same refresh. */
export const stopJobsMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: stopJobs,
    onSettled: () => invalidateAfterJobChange(queryClient),
  });
