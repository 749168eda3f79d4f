import {
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  PrimaryButton,
  Text,
} from '@fluentui/react';
import { useState } from 'react';
import { ErrorBar } from '../../../components/error-bar.tsx';
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
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{
        type: DialogType.normal,
        title: password ? 'Password reset' : `Reset the password of ${username}?`,
      }}
      modalProps={{ isBlocking: true }}
      minWidth={420}
    >
      {password ? (
        <PasswordShownOnce username={username} password={password} />
      ) : (
        <Text as="p">
          {username} gets a new generated password. Their current password stops working, and they
          are signed out everywhere: their sessions and application tokens end.
        </Text>
      )}
      {reset.isError ? <ErrorBar error={reset.error} title="Could not reset the password" /> : null}
      <DialogFooter>
        {password ? (
          <PrimaryButton onClick={onClose} text="Done" />
        ) : (
          <>
            <PrimaryButton onClick={confirm} disabled={reset.isPending} text="Reset password" />
            <DefaultButton onClick={onClose} text="Cancel" />
          </>
        )}
      </DialogFooter>
    </Dialog>
  );
}
