import { mergeStyleSets, Spinner, SpinnerSize } from '@fluentui/react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { safeReturnPath } from '../../../lib/safe-path.ts';
import { saveSession, sessionFromLogin } from '../../../lib/session.ts';
import { AzureSignInProvider } from '../azure-sign-in.tsx';
import { AzureSignOutProvider } from './azure-sign-out.ts';
import { azureSettings } from './azure-settings.ts';
import { completeSignIn, hasSignInAnswer } from './complete-sign-in.ts';
import { dropSignOutState, msalSignOut, startMsalSignIn } from './msal-client.ts';
import { serverSignOut, startServerSignIn } from './server-flow.ts';
import { useSilentRenewal } from './use-silent-renewal.ts';

const classes = mergeStyleSets({
  finishing: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
  banner: {
    position: 'fixed',
    top: 8,
    left: '50%',
    transform: 'translateX(-50%)',
    width: 560,
    maxWidth: 'calc(100% - 16px)',
    zIndex: 1000,
  },
});

/** The page is about to be replaced by the provider's; if it is still here after this, carry on. */
const leavingPage = () => new Promise<void>((resolve) => setTimeout(resolve, 10_000));

interface AzureAdProviderProps {
  children: ReactNode;
  /** Replaces the current page inside the portal (the router's navigate). */
  navigate: (to: string) => Promise<void> | void;
}

/**
 * Azure AD sign-in for the whole portal, when config.json asks for it: provides the login page's
 * "Sign in with Azure AD" and the sign-out's second step, finishes a sign-in that comes back to
 * this page, and renews the cluster token while MSAL has a session.
 */
export function AzureAdProvider({ children, navigate }: AzureAdProviderProps) {
  const [settings] = useState(() => {
    const found = azureSettings();
    if (found?.flow === 'msal') dropSignOutState();
    return found;
  });
  const [finishing, setFinishing] = useState(() => settings !== null && hasSignInAnswer(settings));
  const [error, setError] = useState<unknown>(null);
  const navigateRef = useRef(navigate);
  useSilentRenewal(settings);

  useEffect(() => {
    if (!settings || !finishing) return;
    let active = true; // StrictMode runs this twice; one sign-in, handled once
    completeSignIn(settings)
      .then(async (done) => {
        if (!active || !done) return;
        // Like the form: the login page gets the session and goes on to `from`.
        await navigateRef.current(`/login?from=${encodeURIComponent(safeReturnPath(done.from))}`);
        saveSession(sessionFromLogin(done.login), false);
      })
      .catch((failure: unknown) => active && setError(failure))
      .finally(() => active && setFinishing(false));
    return () => {
      active = false;
    };
  }, [settings, finishing]);

  const signIn = useCallback(
    async (from: string) => {
      if (!settings) return;
      setError(null);
      if (settings.flow === 'server') startServerSignIn(settings, from);
      else await startMsalSignIn(settings, from);
    },
    [settings],
  );

  const signOut = useCallback(async () => {
    if (!settings) return;
    if (settings.flow === 'server') serverSignOut(settings);
    else await msalSignOut(settings);
    await leavingPage();
  }, [settings]);

  return (
    <AzureSignInProvider value={settings ? signIn : null}>
      <AzureSignOutProvider value={settings ? signOut : null}>
        {finishing ? (
          <main className={classes.finishing}>
            <Spinner size={SpinnerSize.large} label="Signing you in…" />
          </main>
        ) : (
          children
        )}
        {error ? (
          <div className={classes.banner}>
            <ErrorBar
              error={error}
              title="Azure AD sign-in failed"
              onDismiss={() => setError(null)}
            />
          </div>
        ) : null}
      </AzureSignOutProvider>
    </AzureSignInProvider>
  );
}
