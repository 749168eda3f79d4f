/** A config kept in this browser, so a reload or a slip of the back button loses nothing. */
export interface Draft {
  text: string;
  savedAt: number;
}

const PREFIX = 'pai-submit-draft:';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** One draft per user and per starting point (`new`, or the job being cloned). */
const keyOf = (user: string, origin: string) => `${PREFIX}${user}:${origin}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: drafts are simply not kept
  }
}

export function loadDraft(user: string, origin: string): Draft | null {
  const raw = storage()?.getItem(keyOf(user, origin));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Partial<Draft>;
    return typeof draft.text === 'string' && typeof draft.savedAt === 'number'
      ? { text: draft.text, savedAt: draft.savedAt }
      : null;
  } catch {
    return null;
  }
}

export function saveDraft(user: string, origin: string, text: string, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  const key = keyOf(user, origin);
  const value = JSON.stringify({ text, savedAt: now } satisfies Draft);
  forgetOldDrafts(store, now, MAX_AGE_MS);
  try {
    store.setItem(key, value);
  } catch {
    // Storage is full: drop the other drafts and try once more, else do without.
    forgetOldDrafts(store, now, -1);
    try {
      store.setItem(key, value);
    } catch {
      /* the page still works, only without a draft */
    }
  }
}

export function clearDraft(user: string, origin: string): void {
  storage()?.removeItem(keyOf(user, origin));
}

function forgetOldDrafts(store: Storage, now: number, maxAge: number): void {
  for (const key of Object.keys(store)) {
    if (!key.startsWith(PREFIX)) continue;
    let savedAt = 0;
    try {
      savedAt = (JSON.parse(store.getItem(key) ?? '{}') as Partial<Draft>).savedAt ?? 0;
    } catch {
      // unreadable: treat as oldest
    }
    if (now - savedAt > maxAge) store.removeItem(key);
  }
}
