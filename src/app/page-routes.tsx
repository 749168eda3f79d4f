import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { redirect, type LoaderFunction, type LoaderFunctionArgs } from 'react-router';
import {
  clearSession,
  currentSession,
  endedBySigningOut,
  isExpired,
  type Session,
} from '../lib/session.ts';
import type { PageLoad } from './page-chunks.ts';
import { PageLoading } from './routes/page-loading.tsx';
import { RouteError } from './routes/route-error.tsx';

/** What a page's loader is given to start its data: the URL's params and query, the cache, who. */
export interface PrefetchArgs {
  params: LoaderFunctionArgs['params'];
  url: URL;
  queryClient: QueryClient;
  session: Session;
}
export type Prefetch = (args: PrefetchArgs) => void;

/** The parts of a route object a page sets (spread into it beside `path` or `index`). */
interface PageRoute {
  loader: LoaderFunction;
  Component: ComponentType;
  errorElement: ReactNode;
  hydrateFallbackElement: ReactNode;
}

/** Page components by their loader, filled before the route renders. */
const loaded = new Map<PageLoad, ComponentType>();

async function loadPage(load: PageLoad): Promise<void> {
  if (!loaded.has(load)) loaded.set(load, (await load()).Component);
}

/** Renders the component the route's loader brought; never suspends. */
function pageComponent(load: PageLoad): ComponentType {
  return function LoadedPage() {
    const Page = loaded.get(load)!;
    return <Page />;
  };
}

/** Where to sign in: back to this page afterwards, unless the person signed out. */
function signInPath(url: URL, session: Session | null): string {
  if (!session && endedBySigningOut()) return '/login';
  return `/login?from=${encodeURIComponent(`${url.pathname}${url.search}${url.hash}`)}`;
}

/**
 * A signed-in page. Its loader decides before anything is fetched: signed out, it redirects to
 * sign in and the page's chunk is never requested; signed in, the page's data requests start in
 * the same tick as its chunk, so neither waits for the other or for a first render.
 */
export function protectedPage(
  queryClient: QueryClient,
  load: PageLoad,
  prefetch?: () => Promise<Prefetch>,
): PageRoute {
  return {
    loader: async ({ request, params }) => {
      const url = new URL(request.url);
      const session = currentSession();
      if (!session || isExpired(session)) {
        if (session) clearSession(); // expired: the sign-in page says the session ended
        throw redirect(signInPath(url, session));
      }
      const started = prefetch?.().then((start) => start({ params, url, queryClient, session }));
      await Promise.all([loadPage(load), started]);
      return null;
    },
    Component: pageComponent(load),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
  };
}

/** A page anyone may open (sign-in); `prefetch` starts its data beside its chunk. */
export function publicPage(load: PageLoad, prefetch?: () => void): PageRoute {
  return {
    loader: async () => {
      prefetch?.();
      await loadPage(load);
      return null;
    },
    Component: pageComponent(load),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
  };
}
