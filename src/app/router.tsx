import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { setSignInRedirect } from '../lib/api-client.ts';
import { NotFoundPage } from './routes/not-found.tsx';
import { PageLoading } from './routes/page-loading.tsx';
import { RouteError } from './routes/route-error.tsx';

/** Every page is its own chunk; the login route loads none of the signed-in shell. */
export function createRouter() {
  const page = (load: () => Promise<{ Component: ComponentType }>) => ({
    lazy: load,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
  });
  const router = createBrowserRouter([
    { path: '/login', ...page(() => import('./routes/login.tsx')) },
    {
      path: '/',
      ...page(() => import('./routes/layout.tsx')),
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, ...page(() => import('./routes/dashboard.tsx')) },
            { path: 'jobs', ...page(() => import('./routes/jobs.tsx')) },
            { path: 'jobs/:username/:jobName', ...page(() => import('./routes/job-detail.tsx')) },
            { path: 'jobs/:jobName', ...page(() => import('./routes/job-detail.tsx')) },
            { path: 'submit', ...page(() => import('./routes/submit.tsx')) },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
  setSignInRedirect((from) => {
    void router.navigate(`/login?from=${encodeURIComponent(from)}`, { replace: true });
  });
  return router;
}
