import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { authnInfoQueryOptions } from '../api/authn/get-authn-info.ts';
import { setSignInRedirect } from '../lib/api-client.ts';
import { pageChunks, routeData, type RouteData } from './page-chunks.ts';
import { protectedPage, publicPage, type Prefetch } from './page-routes.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { RouteError } from './routes/route-error.tsx';

const {
  login: loginPage,
  layout,
  dashboard,
  jobs,
  jobDetail,
  submit,
  adminUsers,
  adminVirtualClusters,
} = pageChunks;

/** A page's data starter, from route-data's chunk (the sign-in page loads none of it). */
const prefetch =
  (name: keyof RouteData): (() => Promise<Prefetch>) =>
  () =>
    routeData().then((data) => data[name]);

/**
 * Every page is its own chunk (page-chunks.ts); the login route loads none of the signed-in
 * shell. Loaders guard and prefetch (page-routes.tsx): a page's code and its data start loading
 * together, and a signed-in page's chunks were usually asked for before the router even started.
 */
export function createRouter(queryClient: QueryClient) {
  const router = createBrowserRouter([
    {
      path: '/login',
      ...publicPage(loginPage, () => void queryClient.prefetchQuery(authnInfoQueryOptions())),
    },
    {
      path: '/',
      ...protectedPage(queryClient, layout),
      children: [
        {
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              ...protectedPage(queryClient, dashboard, prefetch('prefetchDashboardPage')),
            },
            { path: 'jobs', ...protectedPage(queryClient, jobs, prefetch('prefetchJobListPage')) },
            {
              path: 'jobs/:username/:jobName',
              ...protectedPage(queryClient, jobDetail, prefetch('prefetchJobPage')),
            },
            {
              path: 'jobs/:jobName',
              ...protectedPage(queryClient, jobDetail, prefetch('prefetchJobPage')),
            },
            { path: 'submit', ...protectedPage(queryClient, submit) },
            {
              path: 'admin/users',
              ...protectedPage(queryClient, adminUsers, prefetch('prefetchUsersPage')),
            },
            {
              path: 'admin/virtual-clusters',
              ...protectedPage(
                queryClient,
                adminVirtualClusters,
                prefetch('prefetchVirtualClustersPage'),
              ),
            },
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

export type AppRouter = ReturnType<typeof createRouter>;

/** Resolves once the router has run the first location's loaders (guard, data requests, chunks). */
export function routerReady(router: AppRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}
