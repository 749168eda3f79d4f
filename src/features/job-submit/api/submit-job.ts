import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MessageResponse } from '../../../../contract/api-types.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { submitKeys } from './keys.ts';

export interface Submission {
  username: string;
  /** The editor's text, sent byte for byte: `/config` will return exactly this. */
  text: string;
}

/** `POST /api/v1/user/:username/jobs` with the config text as the body. */
export function submitJob({ username, text }: Submission): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(`/api/v1/user/${encodeURIComponent(username)}/jobs`, {
    method: 'POST',
    jsonText: text,
  });
}

export function useSubmitJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitJob,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: submitKeys.jobs }),
  });
}
