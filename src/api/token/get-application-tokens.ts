import { queryOptions } from '@tanstack/react-query';
import type { ApplicationTokenList } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v1/token/application` (docs/api.md §3.5): the signed-in person's application tokens. */
export async function fetchApplicationTokens(signal?: AbortSignal): Promise<ApplicationTokenList> {
  return apiRequest<ApplicationTokenList>('/api/v1/token/application', { signal });
}

export const applicationTokensQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.tokens.application(),
    queryFn: ({ signal }) => fetchApplicationTokens(signal),
  });
