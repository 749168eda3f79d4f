import { useState } from 'react';
import { useCloneSource, type CloneSource } from './use-clone-source.ts';
import { loadDraft, type Draft } from '../model/drafts.ts';
import { DEFAULT_TARGET, freshJobName, JOB_TEMPLATES } from '../model/templates.ts';

export type StartConfig =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | {
      status: 'ready';
      /** What the editor opens with: the draft if there is one, else `baseText`. */
      startText: string;
      /** The template or the cloned job's config. */
      baseText: string;
      draft: Draft | null;
      clone: CloneSource | null;
    };

/** What the page starts from: a kept draft, a cloned job's config, or the hello-world template. */
export function useStartConfig(user: string, origin: string, clone: string | null): StartConfig {
  const [draft] = useState(() => loadDraft(user, origin));
  const [template] = useState(() =>
    JOB_TEMPLATES[0]!.text(freshJobName(JOB_TEMPLATES[0]!.id), DEFAULT_TARGET),
  );
  const cloneSource = useCloneSource(user, clone);
  if (clone !== null) {
    if (cloneSource.isPending) return { status: 'loading' };
    if (cloneSource.isError)
      return { status: 'error', error: cloneSource.error, retry: () => void cloneSource.refetch() };
  }
  const baseText = cloneSource.data?.text ?? template;
  return {
    status: 'ready',
    startText: draft?.text ?? baseText,
    baseText,
    draft,
    clone: cloneSource.data ?? null,
  };
}
