/** Password checks allowed for one user from one address before sign-in is paused. */
const FREE_ATTEMPTS = 5;
const FIRST_PAUSE_MS = 30_000;
const MAX_PAUSE_MS = 15 * 60_000;
/** A record with no attempt for this long is forgotten. */
const FORGET_AFTER_MS = 60 * 60_000;
/** Bounds memory when many (user, address) pairs fail. */
const DEFAULT_MAX_ENTRIES = 10_000;
/** When the table holds nothing but pauses, new pairs wait this long instead of evicting one. */
const FULL_TABLE_WAIT_MS = 60_000;

interface Attempts {
  count: number;
  lastAttempt: number;
  pausedUntil: number;
}

/**
 * Slows password guessing. An attempt is counted when it begins, before the password is checked,
 * so that concurrent requests cannot run more than FREE_ATTEMPTS checks for one user from one
 * address; from the FREE_ATTEMPTS-th on, each attempt pauses sign-in for a time that doubles
 * (30 s up to 15 min). A success forgets the pair. A full table evicts only pairs that are not
 * paused: floods of other names never lift a pause.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, Attempts>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  /**
   * Milliseconds until `username` may try again from `address`, or 0 when this attempt may check
   * the password now (and is counted).
   */
  begin(username: string, address: string): number {
    const key = `${address}\0${username}`;
    const now = this.now();
    let entry = this.current(key, now);
    if (entry && entry.pausedUntil > now) return entry.pausedUntil - now;
    if (!entry) {
      if (!this.makeRoom(now)) return FULL_TABLE_WAIT_MS;
      entry = { count: 0, lastAttempt: now, pausedUntil: 0 };
    }
    entry.count += 1;
    entry.lastAttempt = now;
    if (entry.count >= FREE_ATTEMPTS) {
      entry.pausedUntil =
        now + Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (entry.count - FREE_ATTEMPTS));
    }
    // Most recent last, so that eviction looks at the oldest first.
    this.attempts.delete(key);
    this.attempts.set(key, entry);
    return 0;
  }

  /** The password was right: the pair starts afresh. */
  recordSuccess(username: string, address: string): void {
    this.attempts.delete(`${address}\0${username}`);
  }

  private current(key: string, now: number): Attempts | undefined {
    const entry = this.attempts.get(key);
    if (entry && this.expired(entry, now)) {
      this.attempts.delete(key);
      return undefined;
    }
    return entry;
  }

  private expired(entry: Attempts, now: number): boolean {
    return now - entry.lastAttempt > FORGET_AFTER_MS && entry.pausedUntil <= now;
  }

  /** Frees a place for a new pair, never one that is paused; false when every entry is. */
  private makeRoom(now: number): boolean {
    if (this.attempts.size < this.maxEntries) return true;
    for (const [key, entry] of this.attempts) {
      if (entry.pausedUntil <= now || this.expired(entry, now)) {
        this.attempts.delete(key);
        return true;
      }
    }
    return false;
  }
}
