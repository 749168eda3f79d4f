import { queryOptions } from '@tanstack/react-query';
import type { UserInfo } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v2/user/:username`; null from a server without the v2 user API (or when refused). */
export async function fetchUser(username: string, signal?: AbortSignal): Promise<UserInfo | null> {
  return apiRequest<UserInfo>(`/api/v2/user/${encodeURIComponent(username)}`, { signal }).catch(
    (error: unknown) => {
      if (signal?.aborted) throw error;
      return null;
    },
  );
}

export const userQueryOptions = (username: string) =>
  queryOptions({
    queryKey: queryKeys.users.detail(username),
    queryFn: ({ signal }) => fetchUser(username, signal),
    staleTime: 60_000,
  });
