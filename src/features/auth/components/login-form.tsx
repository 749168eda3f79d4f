import { Checkbox, PrimaryButton, TextField } from '@fluentui/react';
import { useState, type FormEvent } from 'react';
import { Column } from '../../../components/column.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { PaiError } from '../../../lib/pai-error.ts';
import { useLogin } from '../hooks/use-login.ts';

interface FieldErrors {
  username?: string;
  password?: string;
}

/** Errors that belong to one field are shown on it; the rest above the button. */
function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof PaiError)) return {};
  if (error.code === 'NoUserError') return { username: error.message };
  if (error.code === 'IncorrectPasswordError') return { password: error.message };
  return {};
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [keep, setKeep] = useState(false);
  const [missing, setMissing] = useState<FieldErrors>({});
  const login = useLogin();
  const serverErrors = fieldErrors(login.error);
  const generalError =
    login.error && !serverErrors.username && !serverErrors.password ? login.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    const empty: FieldErrors = {
      username: username.trim() ? undefined : 'Enter your user name.',
      password: password ? undefined : 'Enter your password.',
    };
    setMissing(empty);
    if (empty.username || empty.password) return;
    login.mutate({ username: username.trim(), password, keep }, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Column>
        <TextField
          label="User name"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(_, value) => {
            setUsername(value ?? '');
            setMissing((errors) => ({ ...errors, username: undefined }));
          }}
          errorMessage={missing.username ?? serverErrors.username}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          canRevealPassword
          revealPasswordAriaLabel="Show password"
          required
          value={password}
          onChange={(_, value) => {
            setPassword(value ?? '');
            setMissing((errors) => ({ ...errors, password: undefined }));
          }}
          errorMessage={missing.password ?? serverErrors.password}
        />
        <Checkbox
          label="Keep me signed in"
          checked={keep}
          onChange={(_, checked) => setKeep(!!checked)}
        />
        {generalError ? <ErrorBar error={generalError} title="Sign-in failed" /> : null}
        <PrimaryButton type="submit" disabled={login.isPending} aria-busy={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </PrimaryButton>
      </Column>
    </form>
  );
}
