import { MessageBar, MessageBarType } from '@fluentui/react';
import type { StopResult } from '../../../api/jobs/put-job-execution-type.ts';

/** Which jobs stopped, and which did not and why. */
export function StopResults({
  results,
  onDismiss,
}: {
  results: StopResult[];
  onDismiss: () => void;
}) {
  const stopped = results.filter((result) => result.error === null);
  const failed = results.filter((result) => result.error !== null);
  return (
    <MessageBar
      messageBarType={
        failed.length === 0
          ? MessageBarType.success
          : stopped.length === 0
            ? MessageBarType.error
            : MessageBarType.warning
      }
      isMultiline
      onDismiss={onDismiss}
      dismissButtonAriaLabel="Dismiss"
    >
      {stopped.length > 0 ? (
        <div>Stop requested for {stopped.map((result) => result.job.name).join(', ')}.</div>
      ) : null}
      {failed.length > 0 ? (
        <div>
          Not stopped:
          <ul style={{ margin: '4px 0 0' }}>
            {failed.map((result) => (
              <li key={result.job.name}>
                {result.job.name}: {result.error}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </MessageBar>
  );
}
