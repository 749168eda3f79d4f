import { useEffect } from 'react';
import { saveSession, sessionFromLogin } from '../../../lib/session.ts';
import { useSession } from '../../../lib/use-session.ts';
import type { AzureSettings } from './azure-settings.ts';
import { exchangeProviderTokens } from '../../../api/authn/post-oidc-return.ts';
import { refreshMsalTokens } from './msal-client.ts';

/** Timers beyond ~24.8 days overflow setTimeout; a later renewal is scheduled again then. */
const MAX_TIMER = 2 ** 31 - 1;

/** How long before expiry to renew: a tenth of what is left, between 5 seconds and 5 minutes. */
const renewalMargin = (left: number) => Math.min(5 * 60_000, Math.max(5_000, left / 10));

/**
 * Gets a new cluster token shortly before the current one expires, from MSAL's session at the
 * provider, without a page. When MSAL has no session left, nothing happens here and the expiry
 * sends the person to sign in as usual.
 */
export function useSilentRenewal(settings: AzureSettings | null): void {
  const session = useSession();
  const token = session?.token;
  const expiresAt = session?.expiresAt ?? null;
  useEffect(() => {
    if (settings?.flow !== 'msal' || !token || expiresAt === null) return;
    let cancelled = false;
    const left = expiresAt - Date.now();
    const renew = async () => {
      const tokens = await refreshMsalTokens(settings);
      if (!tokens || cancelled) return;
      const login = await exchangeProviderTokens(tokens);
      if (!cancelled) saveSession(sessionFromLogin(login), false);
    };
    const timer = setTimeout(
      () => {
        if (Date.now() >= expiresAt - renewalMargin(left)) renew().catch(() => undefined);
      },
      Math.min(MAX_TIMER, Math.max(0, left - renewalMargin(left))),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [settings, token, expiresAt]);
}
