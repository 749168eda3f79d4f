import { ActionButton, mergeStyleSets, Toggle, TooltipHost } from '@fluentui/react';
import type { UserListItem } from '../../../../contract/api-types.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { useSetAdmin } from '../hooks/user-admin-queries.ts';

const classes = mergeStyleSets({
  scroll: { overflowX: 'auto' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    selectors: {
      'th, td': { textAlign: 'left', padding: '4px 8px', verticalAlign: 'middle' },
      th: { whiteSpace: 'nowrap' },
    },
  },
  toggle: { margin: 0 },
});

export type UserAction = 'reset' | 'assign' | 'delete';

interface UsersTableProps {
  users: UserListItem[];
  /** The signed-in admin: they cannot take their own admin rights away here. */
  me: string;
  onAction: (action: UserAction, user: UserListItem) => void;
}

/** Every user with their rights, virtual clusters, jobs and last sign-in, and what can be done. */
export function UsersTable({ users, me, onAction }: UsersTableProps) {
  const setAdmin = useSetAdmin();
  return (
    <div className={classes.scroll}>
      {setAdmin.isError ? (
        <ErrorBar
          error={setAdmin.error}
          title="Could not change admin rights"
          onDismiss={() => setAdmin.reset()}
        />
      ) : null}
      <table className={classes.table} aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Admin</th>
            <th scope="col">Virtual clusters</th>
            <th scope="col">Email</th>
            <th scope="col">Jobs</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username}>
              <th scope="row">{user.username}</th>
              <td>
                <Toggle
                  className={classes.toggle}
                  ariaLabel={`${user.username} is an admin`}
                  checked={user.admin}
                  disabled={user.username === me || setAdmin.isPending}
                  title={
                    user.username === me ? 'You cannot take away your own admin rights' : undefined
                  }
                  onChange={(_, admin) =>
                    setAdmin.mutate({ username: user.username, admin: admin === true })
                  }
                />
              </td>
              <td>{user.admin ? 'all (admin)' : user.virtualCluster.join(', ') || 'none'}</td>
              <td>{user.email || '—'}</td>
              <td>{user.jobCount ?? '—'}</td>
              <td>{user.lastSignInTime ? <RelativeTime time={user.lastSignInTime} /> : 'never'}</td>
              <td>
                <ActionButton
                  iconProps={{ iconName: 'Permissions' }}
                  ariaLabel={`Reset the password of ${user.username}`}
                  onClick={() => onAction('reset', user)}
                >
                  Reset password
                </ActionButton>
                <ActionButton
                  iconProps={{ iconName: 'Org' }}
                  ariaLabel={`Virtual clusters of ${user.username}`}
                  disabled={user.admin}
                  title={user.admin ? 'Admins may use every virtual cluster' : undefined}
                  onClick={() => onAction('assign', user)}
                >
                  Virtual clusters
                </ActionButton>
                <TooltipHost content={user.admin ? 'Unmake admin first to delete' : undefined}>
                  <ActionButton
                    iconProps={{ iconName: 'Delete' }}
                    ariaLabel={`Delete ${user.username}`}
                    disabled={user.admin}
                    onClick={() => onAction('delete', user)}
                  >
                    Delete
                  </ActionButton>
                </TooltipHost>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
