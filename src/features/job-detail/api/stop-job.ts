import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MessageResponse } from '../../../../contract/api-types.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../model/job-ref.ts';

/** `PUT .../:jobName/executionType {"value": "STOP"}`. */
export function stopJob(job: JobRef): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(`${jobApiPath(job)}/executionType`, {
    method: 'PUT',
    body: { value: 'STOP' },
  });
}

export function useStopJob(job: JobRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => stopJob(job),
    // Everything about jobs: this page, the list and the dashboard counts.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
