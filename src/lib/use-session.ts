import { useEffect, useSyncExternalStore } from 'react';
import { signInAgain } from './api-client.ts';
import { currentSession, subscribeSession, type Session } from './session.ts';

/** The token context: who is signed in, or null. Re-renders on sign-in, sign-out and other tabs' changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, currentSession, () => null);
}

/** Timers beyond ~24.8 days overflow setTimeout; a later expiry is checked again then. */
const MAX_TIMER = 2 ** 31 - 1;

/** Sends the person to sign in the moment the token expires, before any request fails. */
export function useSessionExpiry(session: Session | null): void {
  const expiresAt = session?.expiresAt ?? null;
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setTimeout(
      () => {
        if (Date.now() >= expiresAt) signInAgain();
      },
      Math.min(MAX_TIMER, Math.max(0, expiresAt - Date.now())),
    );
    return () => clearTimeout(timer);
  }, [expiresAt]);
}
