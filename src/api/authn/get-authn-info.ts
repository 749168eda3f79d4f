import { queryOptions } from '@tanstack/react-query';
import type { AuthnInfo } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v1/authn/info`: which sign-in method this cluster uses. */
export function getAuthnInfo(signal?: AbortSignal): Promise<AuthnInfo> {
  return apiRequest<AuthnInfo>('/api/v1/authn/info', { signal, anonymous: true });
}

export const authnInfoQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.authn.info(),
    queryFn: ({ signal }) => getAuthnInfo(signal),
    staleTime: Infinity,
  });
