// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { tokenExpiresAt } from './jwt.ts';
import {
  clearSession,
  currentSession,
  isExpired,
  saveSession,
  sessionEnded,
  sessionFromLogin,
  subscribeSession,
} from './session.ts';

const jwt = (claims: object) =>
  `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

describe('token context storage', () => {
  afterEach(() => clearSession());

  it('reads expiry from the JWT exp claim without verifying it', () => {
    expect(tokenExpiresAt(jwt({ username: 'alice', exp: 2_000_000_000 }))).toBe(2_000_000_000_000);
    expect(tokenExpiresAt(jwt({ username: 'app' }))).toBeNull();
    expect(tokenExpiresAt('not a token')).toBeNull();
  });

  it("counts a token's lifetime from when it arrived, whatever this browser's clock says", () => {
    // Issued at 1,000,000,000 s for an hour, received by a browser whose clock is a day ahead.
    const token = jwt({ username: 'alice', iat: 1_000_000_000, exp: 1_000_003_600 });
    const dayAhead = 1_000_086_400_000;
    expect(tokenExpiresAt(token, dayAhead)).toBe(dayAhead + 3_600_000);
    expect(isExpired(sessionFromLogin({ user: 'alice', token, admin: false }))).toBe(false);
  });

  it('keeps a session across restarts only when asked (localStorage), else for the tab (sessionStorage)', () => {
    const session = sessionFromLogin({
      user: 'alice',
      token: jwt({ exp: 2_000_000_000 }),
      admin: true,
    });
    saveSession(session, false);
    expect(sessionStorage.getItem('pai-session')).not.toBeNull();
    expect(localStorage.getItem('pai-session')).toBeNull();
    saveSession(session, true);
    expect(sessionStorage.getItem('pai-session')).toBeNull();
    expect(JSON.parse(localStorage.getItem('pai-session')!)).toEqual(session);
    expect(currentSession()).toEqual({
      user: 'alice',
      token: session.token,
      admin: true,
      expiresAt: 2_000_000_000_000,
    });
  });

  it('tells subscribers about sign-in and sign-out, and clears both storages', () => {
    const seen: (string | null)[] = [];
    const unsubscribe = subscribeSession(() => seen.push(currentSession()?.user ?? null));
    saveSession(sessionFromLogin({ user: 'bob', token: jwt({}), admin: false }), true);
    clearSession();
    unsubscribe();
    expect(seen).toEqual(['bob', null]);
    expect(localStorage.getItem('pai-session')).toBeNull();
    expect(sessionStorage.getItem('pai-session')).toBeNull();
  });

  it('knows an expired session', () => {
    expect(isExpired({ user: 'a', token: 't', admin: false, expiresAt: 1000 }, 1000)).toBe(true);
    expect(isExpired({ user: 'a', token: 't', admin: false, expiresAt: null })).toBe(false);
  });

  it('remembers that a session ended without signing out, until the next sign-in', () => {
    const session = sessionFromLogin({ user: 'carol', token: jwt({}), admin: false });
    saveSession(session, true);
    clearSession({ signedOut: true });
    expect(sessionEnded()).toBe(false);
    saveSession(session, true);
    clearSession(); // a 401: expired or revoked
    expect(sessionEnded()).toBe(true);
    clearSession(); // nothing left to end: still says so
    expect(sessionEnded()).toBe(true);
    saveSession(session, false);
    expect(sessionEnded()).toBe(false);
  });
});
