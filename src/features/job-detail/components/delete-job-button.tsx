import { DefaultButton, MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import type { JobStatus } from '../../../../contract/api-types.ts';
import { isTerminal } from '../../../../contract/job-state.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { errorMessage } from '../../../lib/pai-error.ts';
import { useDeleteJob } from '../hooks/resource-queries.ts';
import type { JobRef } from '../model/job-ref.ts';

/** Why the job cannot be deleted from its page, or null when it can. */
export function whyNotDeletable(status: JobStatus, mayChange: boolean): string | null {
  if (!mayChange) return `only ${status.username} or an admin may delete it`;
  if (!isTerminal(status.state)) return 'it has not ended; stop it first';
  return null;
}

/** Delete (asks first, naming the job); afterwards the job list. Hidden from those who may not. */
export function DeleteJobButton({
  job,
  status,
  mayChange,
}: {
  job: JobRef;
  status: JobStatus;
  mayChange: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteJob(job);
  if (!mayChange) return null;
  const why = whyNotDeletable(status, mayChange);
  return (
    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
      <DefaultButton
        text="Delete"
        iconProps={{ iconName: 'Delete' }}
        disabled={why !== null || remove.isPending}
        allowDisabledFocus
        title={why ? `This job cannot be deleted: ${why}.` : 'Delete this job'}
        ariaDescription={why ? `Cannot be deleted: ${why}.` : undefined}
        onClick={() => setConfirming(true)}
      />
      {why && <Text variant="small">Delete is not available: {why}.</Text>}
      {remove.isError && (
        <MessageBar
          messageBarType={MessageBarType.error}
          onDismiss={() => remove.reset()}
          dismissButtonAriaLabel="Dismiss"
        >
          The job was not deleted: {errorMessage(remove.error)}
        </MessageBar>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${job.name}?`}
          confirmLabel="Delete job"
          busy={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => remove.mutate(undefined, { onError: () => setConfirming(false) })}
        >
          The job {status.name ?? job.name}, its tasks, logs, metrics and files are removed for
          good. This cannot be undone.
        </ConfirmDialog>
      )}
    </Stack>
  );
}
