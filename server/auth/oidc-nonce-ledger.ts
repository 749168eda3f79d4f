/** Sign-ins remembered at most; beyond it the oldest are forgotten (their tokens are long expired). */
const MAX_ENTRIES = 100_000;

/**
 * Remembers each sign-in exchanged for a cluster token until its ID token expires, so a captured
 * ID token cannot be exchanged again. A sign-in is its nonce; a later token of the same sign-in
 * (a refresh carries the first nonce, OpenID Connect Core §12.2) is accepted only when newer.
 */
export class NonceLedger {
  private readonly seen = new Map<string, { issuedAt: number; expiresAt: number }>();

  constructor(private readonly now: () => number = () => Date.now() / 1000) {}

  /** False when this sign-in was exchanged with a token at least as new: a replay. */
  accept(key: string, issuedAt: number, expiresAt: number): boolean {
    this.forgetExpired();
    const previous = this.seen.get(key);
    if (previous && issuedAt <= previous.issuedAt) return false;
    this.seen.delete(key); // re-inserted last: the map stays in order of use
    this.seen.set(key, { issuedAt, expiresAt: Math.max(expiresAt, previous?.expiresAt ?? 0) });
    if (this.seen.size > MAX_ENTRIES) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.seen) {
      // Kept past expiry for longer than the verifier's clock tolerance.
      if (entry.expiresAt + 120 < now) this.seen.delete(key);
    }
  }
}
