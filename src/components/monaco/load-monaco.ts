import type * as MonacoSetup from './monaco-setup.ts';

/** Monaco is loaded on first use only, so pages that never show an editor never download it. */
let loading: Promise<typeof MonacoSetup> | null = null;

export function loadMonaco() {
  loading ??= import('./monaco-setup.ts').catch((error: unknown) => {
    loading = null; // a failed download can be retried
    throw error;
  });
  return loading;
}
