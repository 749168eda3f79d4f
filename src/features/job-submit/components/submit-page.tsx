import { Link as FluentLink, Spinner, Stack, Text } from '@fluentui/react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { clusterInfoQueryOptions } from '../../../api/cluster/get-cluster-info.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { IsolationNotice } from '../../../components/isolation-notice.tsx';
import { isRetryable } from '../../../lib/pai-error.ts';
import { useSession } from '../../../lib/use-session.ts';
import { useStartConfig } from '../hooks/use-start-config.ts';
import { SubmitWorkspace } from './submit-workspace.tsx';

/** `/submit` and `/submit?clone=<username>~<jobName>` (or `?clone=<jobName>` for a legacy job). */
export function SubmitPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const clone = params.get('clone');
  if (!session) return null; // the layout sends the person to sign in
  const origin = clone ? `clone:${clone}` : 'new';
  return (
    <SubmitStart
      key={`${session.user}:${origin}`}
      user={session.user}
      admin={session.admin}
      origin={origin}
      clone={clone}
    />
  );
}

function SubmitStart({
  user,
  admin,
  origin,
  clone,
}: {
  user: string;
  admin: boolean;
  origin: string;
  clone: string | null;
}) {
  const start = useStartConfig(user, origin, clone);
  const clusterInfo = useQuery(clusterInfoQueryOptions());
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text as="h1" variant="xLarge" styles={{ root: { margin: 0 } }}>
        {clone ? `Clone ${clone}` : 'Submit a job'}
      </Text>
      <IsolationNotice isolation={clusterInfo.data?.taskIsolation} admin={admin} />
      {start.status === 'loading' && <Spinner label={`Reading the config of ${clone}…`} />}
      {start.status === 'error' && (
        <>
          <ErrorBar
            error={start.error}
            title={`Could not clone ${clone}`}
            onRetry={isRetryable(start.error) ? start.retry : undefined}
          />
          <FluentLink as={Link} to="/submit">
            Start a new job instead
          </FluentLink>
        </>
      )}
      {start.status === 'ready' && (
        <SubmitWorkspace user={user} admin={admin} origin={origin} cloneOf={clone} start={start} />
      )}
    </Stack>
  );
}
