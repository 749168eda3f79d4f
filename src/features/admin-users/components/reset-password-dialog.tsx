import { Text } from '@fluentui/react';
import { useState } from 'react';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { generatePassword } from '../../../lib/generate-password.ts';
import { useResetPassword } from '../hooks/user-admin-queries.ts';
import { PasswordShownOnce } from './password-shown-once.tsx';

/** Asks, then sets a generated password and shows it once. */
export function ResetPasswordDialog({
  username,
  onClose,
}: {
  username: string;
  onClose: () => void;
}) {
  const [password, setPassword] = useState<string | null>(null);
  const reset = useResetPassword();
  const confirm = () => {
    const generated = generatePassword();
    reset.mutate({ username, password: generated }, { onSuccess: () => setPassword(generated) });
  };
  return (
    <FormDialog
      title={`Reset the password of ${username}?`}
      minWidth={420}
      submitLabel="Reset password"
      busy={reset.isPending}
      error={reset.error}
      errorTitle="Could not reset the password"
      onSubmit={confirm}
      onClose={onClose}
      result={
        password
          ? {
              title: 'Password reset',
              content: <PasswordShownOnce username={username} password={password} />,
            }
          : null
      }
    >
      <Text as="p">
        {username} gets a new generated password. Their current password stops working, and they are
        signed out everywhere: their sessions and application tokens end.
      </Text>
    </FormDialog>
  );
}
