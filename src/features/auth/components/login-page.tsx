import { MessageBar, MessageBarType, mergeStyleSets, Text, useTheme } from '@fluentui/react';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Column } from '../../../components/column.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { runtimeConfig } from '../../../lib/runtime-config.ts';
import { safeReturnPath } from '../../../lib/safe-path.ts';
import { isExpired, sessionEnded } from '../../../lib/session.ts';
import { useSession } from '../../../lib/use-session.ts';
import { useAuthnInfo } from '../hooks/use-authn-info.ts';
import { AzureSignInButton } from './azure-sign-in-button.tsx';
import { LoginForm } from './login-form.tsx';

const classes = mergeStyleSets({
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: 16,
  },
  card: { width: 360, maxWidth: '100%', padding: 32, borderRadius: 4 },
});

/** `/login?from=…`: form or Azure AD, as the cluster's `authn/info` says; then back to `from`. */
export function LoginPage() {
  const theme = useTheme();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = safeReturnPath(params.get('from'));
  const session = useSession();
  const authnInfo = useAuthnInfo();
  const method = authnInfo.data?.authn_type ?? runtimeConfig().authnMethod ?? 'basic';
  const [ended] = useState(sessionEnded);

  if (session && !isExpired(session)) return <Navigate to={from} replace />;

  return (
    <main className={classes.page}>
      <div
        className={classes.card}
        style={{ background: theme.palette.white, boxShadow: theme.effects.elevation16 }}
      >
        <Column gap={16}>
          <Column gap={4}>
            <Text as="h1" variant="xLarge">
              PAI Portal
            </Text>
            <Text as="p" variant="medium">
              Sign in with your cluster account.
            </Text>
          </Column>
          {ended ? (
            <MessageBar messageBarType={MessageBarType.warning} role="status">
              Your session ended; sign in to continue.
            </MessageBar>
          ) : null}
          {authnInfo.isError ? (
            <ErrorBar
              error={authnInfo.error}
              title="Cannot read the sign-in method"
              onRetry={() => authnInfo.refetch()}
            />
          ) : null}
          {method === 'OIDC' ? (
            <AzureSignInButton from={from} />
          ) : (
            <LoginForm onSignedIn={() => navigate(from, { replace: true })} />
          )}
        </Column>
      </div>
    </main>
  );
}
