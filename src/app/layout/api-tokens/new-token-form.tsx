import {
  Dropdown,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  Stack,
  Text,
  TextField,
} from '@fluentui/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createApplicationToken } from '../../../api/token/post-application-token.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { CopyButton } from '../../../components/copy-button.tsx';

const DAY = 86_400;
const EXPIRIES = [
  { key: 'never', text: 'Never', seconds: undefined },
  { key: '7', text: 'In 7 days', seconds: 7 * DAY },
  { key: '30', text: 'In 30 days', seconds: 30 * DAY },
  { key: '90', text: 'In 90 days', seconds: 90 * DAY },
  { key: '365', text: 'In a year', seconds: 365 * DAY },
];

/** Names and creates an application token, then shows it once with a copy button. */
export function NewTokenForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('never');
  const create = useMutation({
    mutationFn: () =>
      createApplicationToken({
        name: name.trim(),
        expiration: EXPIRIES.find((choice) => choice.key === expiry)?.seconds,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens.application() }),
  });
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }}>
          <TextField
            label="Token name"
            placeholder="e.g. laptop CLI"
            value={name}
            maxLength={64}
            onChange={(_, value) => setName(value ?? '')}
            styles={{ root: { width: 200 } }}
          />
          <Dropdown
            label="Expires"
            options={EXPIRIES}
            selectedKey={expiry}
            onChange={(_, option) => setExpiry(String(option?.key ?? 'never'))}
            styles={{ root: { width: 130 } }}
          />
          <PrimaryButton type="submit" disabled={create.isPending}>
            Create token
          </PrimaryButton>
        </Stack>
      </form>
      {create.isError ? (
        <MessageBar messageBarType={MessageBarType.error}>{create.error.message}</MessageBar>
      ) : null}
      {create.data ? (
        <MessageBar messageBarType={MessageBarType.success} isMultiline>
          <Stack tokens={{ childrenGap: 4 }}>
            <Text>Copy the new token now: it is not shown again. Signing out does not end it.</Text>
            <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 4 }}>
              <TextField
                readOnly
                ariaLabel="New API token"
                value={create.data}
                styles={{ root: { flexGrow: 1, minWidth: 0 } }}
              />
              <CopyButton text={create.data} label="API token" />
            </Stack>
          </Stack>
        </MessageBar>
      ) : null}
    </Stack>
  );
}
