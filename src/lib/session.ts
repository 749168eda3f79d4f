import type { LoginResponse } from '../../contract/api-types.ts';
import { tokenExpiresAt } from './jwt.ts';

/** Who is signed in. The same shape whichever way the token was obtained (form, Azure AD). */
export interface Session {
  user: string;
  token: string;
  admin: boolean;
  /** From the token's `exp` (ms); null when the token does not expire. */
  expiresAt: number | null;
}

const STORAGE_KEY = 'pai-session';
/** Set when a session ends by expiry or revocation, so the sign-in page can say so (this tab only). */
const ENDED_KEY = 'pai-session-ended';
const listeners = new Set<() => void>();
let snapshot: Session | null | undefined;
/** The last session ended because the person signed out (not because it expired or was revoked). */
let endedBySignOut = false;

export function sessionFromLogin(login: LoginResponse): Session {
  return {
    user: login.user,
    token: login.token,
    admin: login.admin,
    expiresAt: tokenExpiresAt(login.token),
  };
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== null && session.expiresAt <= now;
}

function parse(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    if (typeof value.user !== 'string' || typeof value.token !== 'string') return null;
    return {
      user: value.user,
      token: value.token,
      admin: value.admin === true,
      expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : null,
    };
  } catch {
    return null;
  }
}

function storages(): Storage[] {
  try {
    return [window.sessionStorage, window.localStorage];
  } catch {
    return []; // storage disabled by the browser: the session lives in memory only
  }
}

/** The current session: this tab's first, then the one kept across browser restarts. */
export function currentSession(): Session | null {
  if (snapshot === undefined) {
    snapshot = null;
    for (const storage of storages()) {
      snapshot = parse(storage.getItem(STORAGE_KEY));
      if (snapshot) break;
    }
  }
  return snapshot;
}

function publish(next: Session | null): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

/** `keep`: survive browser restarts (localStorage); otherwise only this tab's session. */
export function saveSession(session: Session, keep: boolean): void {
  endedBySignOut = false;
  storages()[0]?.removeItem(ENDED_KEY);
  const [tabStorage, keptStorage] = storages();
  (keep ? tabStorage : keptStorage)?.removeItem(STORAGE_KEY);
  (keep ? keptStorage : tabStorage)?.setItem(STORAGE_KEY, JSON.stringify(session));
  publish(session);
}

/** `signedOut`: the person asked for it, so sign-in need not bring them back anywhere. */
export function clearSession(options: { signedOut?: boolean } = {}): void {
  endedBySignOut = options.signedOut === true;
  if (!endedBySignOut && currentSession()) storages()[0]?.setItem(ENDED_KEY, '1');
  for (const storage of storages()) storage.removeItem(STORAGE_KEY);
  if (snapshot !== null) publish(null);
}

/** A session of this tab ended without the person signing out (expired or revoked token). */
export function sessionEnded(): boolean {
  return storages()[0]?.getItem(ENDED_KEY) === '1';
}

export function endedBySigningOut(): boolean {
  return endedBySignOut;
}

/** Calls `listener` when the session changes here or, through localStorage, in another tab. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && event.key !== STORAGE_KEY) return;
    snapshot = undefined;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
