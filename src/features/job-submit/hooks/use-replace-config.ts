import { useState } from 'react';

export interface PendingReplacement {
  /** What replaces the config, e.g. "the GPU template" or "train.json". */
  what: string;
  text: string;
}

/** Replacing the whole config (template, import, discarding a draft) asks first when it would drop edits. */
export function useReplaceConfig(hasEdits: boolean, setText: (text: string) => void) {
  const [pending, setPending] = useState<PendingReplacement | null>(null);
  return {
    pending,
    request: (replacement: PendingReplacement) =>
      hasEdits ? setPending(replacement) : setText(replacement.text),
    confirm: () => {
      if (pending) setText(pending.text);
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}
