import { useEffect, useRef } from 'react';
import { clearDraft, saveDraft } from '../model/drafts.ts';

const SAVE_DELAY_MS = 400;

/** Keeps the text as a local draft while it differs from what the page started from. */
export function useDraftAutosave(
  user: string,
  origin: string,
  text: string,
  baseText: string,
  enabled: boolean,
) {
  const latest = useRef({ user, origin, text, baseText, enabled });
  useEffect(() => {
    latest.current = { user, origin, text, baseText, enabled };
  });

  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => store(latest.current), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [user, origin, text, baseText, enabled]);

  // A reload, a closed tab or a sign-in redirect right after typing must not lose the last keys.
  useEffect(() => {
    const flush = () => latest.current.enabled && store(latest.current);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
}

function store({
  user,
  origin,
  text,
  baseText,
}: {
  user: string;
  origin: string;
  text: string;
  baseText: string;
}) {
  if (text === baseText) clearDraft(user, origin);
  else saveDraft(user, origin, text);
}
