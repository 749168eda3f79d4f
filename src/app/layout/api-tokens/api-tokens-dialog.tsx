import {
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  Spinner,
  Stack,
  Text,
} from '@fluentui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { applicationTokensQueryOptions } from '../../../api/token/get-application-tokens.ts';
import { revokeTokenById } from '../../../api/token/delete-token.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { NewTokenForm } from './new-token-form.tsx';

/** The account's application tokens (docs/api.md §3.5): create, list, revoke. */
export function ApiTokensDialog({ onDismiss }: { onDismiss: () => void }) {
  const queryClient = useQueryClient();
  const tokens = useQuery(applicationTokensQueryOptions());
  const revoke = useMutation({
    mutationFn: revokeTokenById,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens.application() }),
  });
  const list = tokens.data?.tokens ?? [];
  return (
    <Dialog
      hidden={false}
      onDismiss={onDismiss}
      minWidth="min(560px, 95vw)"
      dialogContentProps={{
        type: DialogType.normal,
        title: 'API tokens',
        subText:
          'For the CLI and scripts (Authorization: Bearer <token>). Unlike the sign-in token, an API token lasts until it expires or is revoked here.',
      }}
    >
      <Stack tokens={{ childrenGap: 16 }}>
        <NewTokenForm />
        {tokens.isError ? (
          <ErrorBar
            error={tokens.error}
            title="Cannot list your tokens"
            onRetry={() => tokens.refetch()}
          />
        ) : null}
        {tokens.isPending ? <Spinner label="Loading your tokens…" /> : null}
        {tokens.data && list.length === 0 ? <Text>You have no API tokens yet.</Text> : null}
        {list.length > 0 ? (
          <table aria-label="Your API tokens" style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr style={{ textAlign: 'left' }}>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span hidden>Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => {
                const name = token.name || 'Unnamed token';
                return (
                  <tr key={token.id}>
                    <td>{name}</td>
                    <td>
                      <RelativeTime time={token.createdTime} />
                    </td>
                    <td>
                      {token.expiresTime === null ? 'Never' : formatDateTime(token.expiresTime)}
                    </td>
                    <td>
                      <DefaultButton
                        text="Revoke"
                        ariaLabel={`Revoke ${name}`}
                        disabled={revoke.isPending && revoke.variables === token.id}
                        onClick={() => revoke.mutate(token.id)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        {revoke.isError ? (
          <ErrorBar error={revoke.error} title="Could not revoke the token" />
        ) : null}
      </Stack>
      <DialogFooter>
        <DefaultButton onClick={onDismiss} text="Close" />
      </DialogFooter>
    </Dialog>
  );
}
