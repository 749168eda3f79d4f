import { Text } from '@fluentui/react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { useDeleteUser } from '../hooks/user-admin-queries.ts';

interface DeleteUserDialogProps {
  username: string;
  jobCount: number | undefined;
  onClose: () => void;
}

/** Says what deleting does (README, Users) before it is done. */
export function DeleteUserDialog({ username, jobCount, onClose }: DeleteUserDialogProps) {
  const remove = useDeleteUser();
  const jobs =
    jobCount === undefined ? 'Their jobs' : `Their ${jobCount} ${jobCount === 1 ? 'job' : 'jobs'}`;
  return (
    <ConfirmDialog
      title={`Delete user ${username}?`}
      confirmLabel="Delete user"
      busy={remove.isPending}
      onConfirm={() => remove.mutate(username, { onSuccess: onClose })}
      onCancel={onClose}
    >
      <Text as="p">
        {username} can no longer sign in, and their sessions and application tokens end at once.
      </Text>
      <Text as="p">
        {jobs} stay in the job list under their name, and those still running or waiting are stopped
        now. A user created later with the same name does not get them.
      </Text>
      {remove.isError ? <ErrorBar error={remove.error} title="Could not delete the user" /> : null}
    </ConfirmDialog>
  );
}
