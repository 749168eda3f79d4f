import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { showBootError } from './boot-error.ts';
import { registerFirstPageIcons } from './icons.ts';
import { createRouter, routerReady } from './router.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { errorMessage } from '../lib/pai-error.ts';
import { loadRuntimeConfig } from '../lib/runtime-config.ts';

/** Mounts the portal once its config is read (main.tsx calls it after the early drawing). */
export function startApp(): void {
  const root = document.getElementById('root')!;
  loadRuntimeConfig().then(
    async () => {
      registerFirstPageIcons();
      // The router starts before React: the first page's guard, data requests and chunks run
      // now, and React's first render is that page (no loading page drawn and replaced).
      const queryClient = createQueryClient();
      const router = createRouter(queryClient);
      await routerReady(router);
      createRoot(root).render(<App queryClient={queryClient} router={router} />);
    },
    (error: unknown) => showBootError(root, errorMessage(error)),
  );
}
