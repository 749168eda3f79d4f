import { useEffect } from 'react';
import { clearDraft, saveDraft } from '../model/drafts.ts';

const SAVE_DELAY_MS = 400;

/** Keeps the text as a local draft while it differs from what the page started with. */
export function useDraftAutosave(user: string, origin: string, text: string, startText: string, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => {
      if (text === startText) clearDraft(user, origin);
      else saveDraft(user, origin, text);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [user, origin, text, startText, enabled]);
}
