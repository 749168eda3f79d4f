import { apiRequest } from '../../lib/api-client.ts';

export interface NewApplicationToken {
  name: string;
  /** Seconds; undefined: never expires. */
  expiration?: number;
}

/**
 * `POST /api/v1/token/application` (docs/api.md §3.5): a token for scripts and the CLI that
 * signing out does not end. The answer is the only time the token is seen.
 */
export async function createApplicationToken(request: NewApplicationToken): Promise<string> {
  const answer = await apiRequest<{ token: string }>('/api/v1/token/application', {
    method: 'POST',
    body: request.expiration === undefined ? { name: request.name } : request,
  });
  return answer.token;
}
