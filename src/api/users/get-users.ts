import { queryOptions } from '@tanstack/react-query';
import type { UserListItem } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v2/user` (admin): every user, sorted by name (docs/api.md §8.2). */
export async function fetchUsers(signal?: AbortSignal): Promise<UserListItem[]> {
  const users = await apiRequest<UserListItem[]>('/api/v2/user', { signal });
  return [...users].sort((a, b) => a.username.localeCompare(b.username));
}

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.users.list(),
    queryFn: ({ signal }) => fetchUsers(signal),
  });
