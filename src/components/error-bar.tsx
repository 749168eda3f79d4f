import { MessageBar, MessageBarButton, MessageBarType } from '@fluentui/react';
import { errorMessage } from '../lib/pai-error.ts';

interface ErrorBarProps {
  error: unknown;
  /** What failed, e.g. "Could not load jobs". */
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** An error in words, where the person is looking, with a way to try again. */
export function ErrorBar({ error, title, onRetry, onDismiss }: ErrorBarProps) {
  return (
    <MessageBar
      messageBarType={MessageBarType.error}
      isMultiline
      onDismiss={onDismiss}
      dismissButtonAriaLabel="Dismiss"
      actions={onRetry ? <MessageBarButton onClick={onRetry}>Retry</MessageBarButton> : undefined}
    >
      {title ? <strong>{title}: </strong> : null}
      {errorMessage(error)}
    </MessageBar>
  );
}
