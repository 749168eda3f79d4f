import { MessageBar, MessageBarType } from '@fluentui/react';
import type { JobListItem } from '../../../../contract/api-types.ts';
import { BULK_WORDS, type BulkAction } from './bulk-words.ts';

export interface BulkResult {
  job: JobListItem;
  /** null when the server accepted the action for this job. */
  error: string | null;
}

/** Which jobs the stop or delete reached, and which not and why. */
export function BulkResults({
  action,
  results,
  onDismiss,
}: {
  action: BulkAction;
  results: BulkResult[];
  onDismiss: () => void;
}) {
  const words = BULK_WORDS[action];
  const done = results.filter((result) => result.error === null);
  const failed = results.filter((result) => result.error !== null);
  return (
    <MessageBar
      messageBarType={
        failed.length === 0
          ? MessageBarType.success
          : done.length === 0
            ? MessageBarType.error
            : MessageBarType.warning
      }
      isMultiline
      onDismiss={onDismiss}
      dismissButtonAriaLabel="Dismiss"
    >
      {done.length > 0 ? (
        <div>
          {words.done} {done.map((result) => result.job.name).join(', ')}.
        </div>
      ) : null}
      {failed.length > 0 ? (
        <div>
          {words.notDone}:
          <ul style={{ margin: '4px 0 0' }}>
            {failed.map((result) => (
              <li key={`${result.job.username}/${result.job.name}`}>
                {result.job.name}: {result.error}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </MessageBar>
  );
}
