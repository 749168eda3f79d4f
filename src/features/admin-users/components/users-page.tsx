import { PrimaryButton, Shimmer, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import type { UserListItem } from '../../../../contract/api-types.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { useSession } from '../../../lib/use-session.ts';
import { useUsers } from '../hooks/user-admin-queries.ts';
import { AssignVcsDialog } from './assign-vcs-dialog.tsx';
import { CreateUserDialog } from './create-user-dialog.tsx';
import { DeleteUserDialog } from './delete-user-dialog.tsx';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';
import { UsersTable, type UserAction } from './users-table.tsx';

type Open = { action: UserAction | 'create'; user?: UserListItem } | null;

/** Administration: users, their rights and virtual clusters (admins only; the server checks too). */
export function UsersPage() {
  const session = useSession();
  const users = useUsers();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const user = open?.user;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap>
        <Text as="h1" variant="xLarge" styles={{ root: { margin: 0 } }}>
          Users
        </Text>
        <PrimaryButton
          iconProps={{ iconName: 'AddFriend' }}
          text="New user"
          onClick={() => setOpen({ action: 'create' })}
        />
      </Stack>
      {users.isError && !users.data ? (
        <ErrorBar
          error={users.error}
          title="Could not load users"
          onRetry={() => users.refetch()}
        />
      ) : !users.data ? (
        <Shimmer />
      ) : (
        <UsersTable
          users={users.data}
          me={session?.user ?? ''}
          onAction={(action, chosen) => setOpen({ action, user: chosen })}
        />
      )}
      {open?.action === 'create' ? <CreateUserDialog onClose={close} /> : null}
      {open?.action === 'reset' && user ? (
        <ResetPasswordDialog username={user.username} onClose={close} />
      ) : null}
      {open?.action === 'assign' && user ? (
        <AssignVcsDialog username={user.username} current={user.virtualCluster} onClose={close} />
      ) : null}
      {open?.action === 'delete' && user ? (
        <DeleteUserDialog username={user.username} jobCount={user.jobCount} onClose={close} />
      ) : null}
    </Stack>
  );
}
