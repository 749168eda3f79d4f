import { Checkbox, TextField } from '@fluentui/react';
import { useState } from 'react';
import { FormDialog } from '../../../components/form-dialog.tsx';
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
    <FormDialog
      title="New user"
      minWidth={420}
      submitLabel="Create user"
      ready={username !== '' && nameProblem === undefined}
      busy={create.isPending}
      error={create.error}
      errorTitle="Could not create the user"
      onSubmit={submit}
      onClose={onClose}
      result={
        created ? { title: 'User created', content: <PasswordShownOnce {...created} /> } : null
      }
    >
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
    </FormDialog>
  );
}
