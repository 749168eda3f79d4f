import {
  Checkbox,
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  PrimaryButton,
  Stack,
  TextField,
} from '@fluentui/react';
import { useState } from 'react';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { generatePassword } from '../../../lib/generate-password.ts';
import { useCreateUser } from '../hooks/user-admin-queries.ts';
import { PasswordShownOnce } from './password-shown-once.tsx';
import { VirtualClusterChoice } from './virtual-cluster-choice.tsx';

const USERNAME = /^[\w.-]+$/;

/** Name, email, admin and virtual clusters; the password is generated and shown once. */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [admin, setAdmin] = useState(false);
  const [virtualClusters, setVirtualClusters] = useState<string[]>(['default']);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const create = useCreateUser();
  const nameProblem =
    username && !USERNAME.test(username)
      ? 'Use letters, digits, "_", "." and "-" only.'
      : undefined;

  const submit = () => {
    const password = generatePassword();
    create.mutate(
      { username, password, admin, email, virtualCluster: admin ? [] : virtualClusters },
      { onSuccess: () => setCreated({ username, password }) },
    );
  };

  return (
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{ type: DialogType.normal, title: created ? 'User created' : 'New user' }}
      modalProps={{ isBlocking: true }}
      minWidth={420}
    >
      {created ? (
        <PasswordShownOnce {...created} />
      ) : (
        <form
          id="create-user"
          onSubmit={(event) => {
            event.preventDefault();
            if (username && !nameProblem && !create.isPending) submit();
          }}
        >
          <Stack tokens={{ childrenGap: 12 }}>
            <TextField
              label="User name"
              required
              value={username}
              errorMessage={nameProblem}
              onChange={(_, value) => setUsername(value ?? '')}
            />
            <TextField
              label="Email"
              type="email"
              value={email}
              onChange={(_, value) => setEmail(value ?? '')}
            />
            <Checkbox
              label="Administrator (may use every virtual cluster)"
              checked={admin}
              onChange={(_, checked) => setAdmin(checked === true)}
            />
            <VirtualClusterChoice
              chosen={virtualClusters}
              onChange={setVirtualClusters}
              disabled={admin}
            />
            {create.isError ? (
              <ErrorBar error={create.error} title="Could not create the user" />
            ) : null}
          </Stack>
        </form>
      )}
      <DialogFooter>
        {created ? (
          <PrimaryButton onClick={onClose} text="Done" />
        ) : (
          <>
            <PrimaryButton
              type="submit"
              form="create-user"
              disabled={!username || nameProblem !== undefined || create.isPending}
              text="Create user"
            />
            <DefaultButton onClick={onClose} text="Cancel" />
          </>
        )}
      </DialogFooter>
    </Dialog>
  );
}
