import { createHash, randomBytes } from 'node:crypto';

/** A server-flow sign-in between the redirect to the provider and its answer. */
export interface PendingSignIn {
  nonce: string;
  codeVerifier: string;
  /** The portal page the token goes to (an allowed origin). */
  redirect: string;
  /** The portal path to land on afterwards. */
  from: string | undefined;
  /** The redirect URI given to the provider; the code exchange repeats it. */
  returnUri: string;
}

const LIFETIME_MS = 10 * 60 * 1000;
const MAX_PENDING = 10_000;

const randomValue = () => randomBytes(32).toString('base64url');

/** PKCE S256 challenge of a verifier (RFC 7636 §4.2). */
export const codeChallenge = (verifier: string) =>
  createHash('sha256').update(verifier).digest('base64url');

/** Sign-ins started here, by `state`: each answer is accepted once, within ten minutes. */
export class PendingSignIns {
  private readonly byState = new Map<string, PendingSignIn & { expiresAt: number }>();

  /** Records a sign-in with a fresh nonce and PKCE verifier; returns it with its state. */
  start(
    target: Pick<PendingSignIn, 'redirect' | 'from' | 'returnUri'>,
    now = Date.now(),
  ): PendingSignIn & { state: string } {
    for (const [state, entry] of this.byState) {
      if (entry.expiresAt > now && this.byState.size < MAX_PENDING) break; // oldest first: the rest are newer
      this.byState.delete(state);
    }
    const entry = { ...target, nonce: randomValue(), codeVerifier: randomValue() };
    const state = randomValue();
    this.byState.set(state, { ...entry, expiresAt: now + LIFETIME_MS });
    return { ...entry, state };
  }

  /** The sign-in of `state`, removed so it cannot be answered twice; undefined if unknown or expired. */
  take(state: string, now = Date.now()): PendingSignIn | undefined {
    const entry = this.byState.get(state);
    if (!entry) return undefined;
    this.byState.delete(state);
    if (entry.expiresAt <= now) return undefined;
    const { expiresAt: _expiresAt, ...pending } = entry;
    return pending;
  }
}
