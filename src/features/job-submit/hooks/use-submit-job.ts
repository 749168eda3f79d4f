import { useMutation, useQueryClient } from '@tanstack/react-query';
import { submitJobMutationOptions } from '../../../api/jobs/post-job.ts';

/** Submits; the dashboard, the lists and the VC usage refresh afterwards. */
export function useSubmitJob() {
  return useMutation(submitJobMutationOptions(useQueryClient()));
}
