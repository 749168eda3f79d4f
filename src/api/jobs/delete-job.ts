import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { JobListItem, MessageResponse } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { errorMessage } from '../../lib/pai-error.ts';
import { invalidateAfterJobChange } from '../invalidate.ts';
import { queryKeys } from '../query-keys.ts';

/** `DELETE …/:job` (docs/api.md §5.8): the job, its tasks and files; owner or admin. */
export function deleteJob(job: JobRef): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(jobApiPath(job), { method: 'DELETE' });
}

/**
 * From the job's page: `leave` runs first (the page goes away), then every answer about jobs is
 * asked again except the deleted job's own, which would only answer 404 now.
 */
export const deleteJobMutationOptions = (
  queryClient: QueryClient,
  job: JobRef,
  leave: () => void,
) =>
  mutationOptions({
    mutationFn: () => deleteJob(job),
    onSuccess: async () => {
      leave();
      const gone = queryKeys.jobs.detail(job);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: queryKeys.jobs.all,
          predicate: (query) => !gone.every((part, index) => query.queryKey[index] === part),
        }),
        queryClient.invalidateQueries({ queryKey: queryKeys.virtualClusters.all }),
      ]);
    },
  });

export interface DeleteResult {
  job: JobListItem;
  /** null when the job was deleted. */
  error: string | null;
}

/** Deletes every job, each on its own; says per job whether it went and why not. */
export async function deleteJobs(jobs: JobListItem[]): Promise<DeleteResult[]> {
  const settled = await Promise.allSettled(jobs.map(deleteJob));
  return settled.map((outcome, index) => ({
    job: jobs[index]!,
    error: outcome.status === 'fulfilled' ? null : errorMessage(outcome.reason),
  }));
}

/** The list's bulk delete; afterwards every answer about jobs is asked again. */
export const deleteJobsMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: deleteJobs,
    onSettled: () => invalidateAfterJobChange(queryClient),
  });
