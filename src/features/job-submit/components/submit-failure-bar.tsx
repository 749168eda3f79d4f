import { MessageBar, MessageBarButton, MessageBarType } from '@fluentui/react';
import type { ShownFailure } from '../hooks/use-submission.ts';

interface SubmitFailureBarProps {
  failure: ShownFailure;
  onShow: (offset: number) => void;
  onShowPath: (path: (string | number)[]) => void;
  onUseName: (name: string) => void;
  onShowVirtualCluster: () => void;
  onDismiss: () => void;
}

const plural = (count: number) => (count === 1 ? 'its problem is' : `its ${count} problems are`);

/** Why the server refused the job, next to a way to fix it. */
export function SubmitFailureBar({
  failure,
  onShow,
  onShowPath,
  onUseName,
  onShowVirtualCluster,
  onDismiss,
}: SubmitFailureBarProps) {
  const common = { isMultiline: true, onDismiss, dismissButtonAriaLabel: 'Dismiss' } as const;
  switch (failure.kind) {
    case 'syntax':
      return (
        <MessageBar
          messageBarType={MessageBarType.error}
          {...common}
          actions={<MessageBarButton onClick={() => onShow(failure.offset)}>Show</MessageBarButton>}
        >
          {failure.message}
        </MessageBar>
      );
    case 'invalid':
      return (
        <MessageBar
          messageBarType={MessageBarType.error}
          {...common}
          actions={
            failure.answered[0]?.path ? (
              <MessageBarButton onClick={() => onShowPath(failure.answered[0]!.path!)}>
                Show the first
              </MessageBarButton>
            ) : undefined
          }
        >
          <strong>The server did not accept the config</strong>: {plural(failure.answered.length)}{' '}
          listed under the editor.
        </MessageBar>
      );
    case 'name-taken':
      return (
        <MessageBar
          messageBarType={MessageBarType.warning}
          {...common}
          actions={
            failure.freeName ? (
              <MessageBarButton onClick={() => onUseName(failure.freeName!)}>
                Use {failure.freeName}
              </MessageBarButton>
            ) : undefined
          }
        >
          You already have a job named <strong>{failure.jobName}</strong>. Pick another name
          {failure.freeName ? <>, for example {failure.freeName}</> : null}, then submit again.
        </MessageBar>
      );
    case 'virtual-cluster':
      return (
        <MessageBar
          messageBarType={MessageBarType.error}
          {...common}
          actions={
            <MessageBarButton onClick={onShowVirtualCluster}>
              Choose a virtual cluster
            </MessageBarButton>
          }
        >
          {failure.message}
        </MessageBar>
      );
    default:
      return (
        <MessageBar messageBarType={MessageBarType.error} {...common}>
          The job was not submitted: {failure.message}
        </MessageBar>
      );
  }
}
