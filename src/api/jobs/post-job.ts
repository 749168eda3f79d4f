import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { MessageResponse } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { invalidateAfterJobChange } from '../invalidate.ts';

export interface Submission {
  username: string;
  /** The editor's text, sent byte for byte: `/config` will return exactly this. */
  text: string;
}

/**
 * `POST /api/v1/user/:username/jobs` with the config text as the body. A refusal is a `PaiError`;
 * a 400 from this portal's server carries `problems: [{path, message}]` beside the message.
 */
export function submitJob({ username, text }: Submission): Promise<MessageResponse> {
  return apiRequest<MessageResponse>(`/api/v1/user/${encodeURIComponent(username)}/jobs`, {
    method: 'POST',
    jsonText: text,
  });
}

/** Afterwards the dashboard, the lists and the VC usage ask again. */
export const submitJobMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: submitJob,
    onSuccess: () => invalidateAfterJobChange(queryClient),
  });
