/** Failures allowed before sign-in for one user from one address is paused. */
const FREE_FAILURES = 5;
const FIRST_PAUSE_MS = 30_000;
const MAX_PAUSE_MS = 15 * 60_000;
/** A record with no failure for this long is forgotten. */
const FORGET_AFTER_MS = 60 * 60_000;
/** Bounds memory when many (user, address) pairs fail. */
const MAX_ENTRIES = 10_000;

interface Failures {
  count: number;
  lastFailure: number;
  pausedUntil: number;
}

/**
 * Slows password guessing: after FREE_FAILURES failed sign-ins for one user from one address,
 * every further attempt is refused for a pause that doubles with each failure (30 s up to 15 min).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until `username` may try again from `address`; 0 when allowed now. */
  retryAfter(username: string, address: string): number {
    const entry = this.current(`${address} ${username}`);
    return entry ? Math.max(0, entry.pausedUntil - this.now()) : 0;
  }

  recordFailure(username: string, address: string): void {
    const key = `${address} ${username}`;
    const now = this.now();
    const entry = this.current(key) ?? { count: 0, lastFailure: now, pausedUntil: 0 };
    entry.count += 1;
    entry.lastFailure = now;
    if (entry.count >= FREE_FAILURES) {
      entry.pausedUntil =
        now + Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (entry.count - FREE_FAILURES));
    }
    this.failures.delete(key);
    this.failures.set(key, entry);
    if (this.failures.size > MAX_ENTRIES) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(username: string, address: string): void {
    this.failures.delete(`${address} ${username}`);
  }

  private current(key: string): Failures | undefined {
    const entry = this.failures.get(key);
    if (
      entry &&
      this.now() - entry.lastFailure > FORGET_AFTER_MS &&
      entry.pausedUntil <= this.now()
    ) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
