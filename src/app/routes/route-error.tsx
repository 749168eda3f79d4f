import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Text } from '@fluentui/react';
import { Column } from '../../components/column.tsx';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { errorMessage } from '../../lib/pai-error.ts';

/** Lazy chunks go missing when a new build replaces the old one while a tab stays open. */
function isStaleBuild(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed/i.test(error.message)
  );
}

/** The error boundary of every page: says what broke and offers a way on, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : isStaleBuild(error)
      ? 'The portal was updated while this page was open. Reload to get the new version.'
      : errorMessage(error);
  return (
    <Column style={{ padding: 24, maxWidth: 720 }} role="alert">
      <Text as="h1" variant="xLarge">
        This page could not be shown
      </Text>
      <MessageBar messageBarType={MessageBarType.error} isMultiline>
        {message}
      </MessageBar>
      <div style={{ display: 'flex', gap: 8 }}>
        <PrimaryButton onClick={() => window.location.reload()}>Reload</PrimaryButton>
        <DefaultButton onClick={() => navigate('/')}>Go to the dashboard</DefaultButton>
      </div>
    </Column>
  );
}
