import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys.ts';
import { deleteUser } from '../../../api/users/delete-user.ts';
import { usersQueryOptions } from '../../../api/users/get-users.ts';
import { createUser, type NewUser } from '../../../api/users/post-user.ts';
import { setUserAdmin } from '../../../api/users/put-user-admin.ts';
import { resetUserPassword } from '../../../api/users/put-user-password.ts';
import { setUserVirtualClusters } from '../../../api/users/put-user-virtual-clusters.ts';

export function useUsers() {
  return useQuery(usersQueryOptions());
}

/** A change to users: afterwards every user answer is read again (list and each user). */
function useUserChange<T>(change: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

export const useCreateUser = () => useUserChange((user: NewUser) => createUser(user));

export const useResetPassword = () =>
  useUserChange(({ username, password }: { username: string; password: string }) =>
    resetUserPassword(username, password),
  );

export const useSetAdmin = () =>
  useUserChange(({ username, admin }: { username: string; admin: boolean }) =>
    setUserAdmin(username, admin),
  );

export const useSetVirtualClusters = () =>
  useUserChange(({ username, names }: { username: string; names: string[] }) =>
    setUserVirtualClusters(username, names),
  );

export const useDeleteUser = () => useUserChange((username: string) => deleteUser(username));
