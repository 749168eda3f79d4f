import type { ComponentType } from 'react';
import { currentSession, isExpired } from '../lib/session.ts';
import type * as RouteDataModule from './route-data.ts';

type PageModule = { Component: ComponentType };
export type PageLoad = () => Promise<PageModule>;

/** Each chunk requested at most once; the router's loaders and `startPageChunks` share it. */
function once<Module>(load: () => Promise<Module>): () => Promise<Module> {
  let module: Promise<Module> | undefined;
  return () => {
    module ??= load();
    // A failed load (network, new deployment) is asked again next time.
    module.catch(() => (module = undefined));
    return module;
  };
}

/** Every page is its own chunk; the login route loads none of the signed-in shell. */
export const pageChunks = {
  login: once(() => import('./routes/login.tsx')),
  layout: once(() => import('./routes/layout.tsx')),
  dashboard: once(() => import('./routes/dashboard.tsx')),
  jobs: once(() => import('./routes/jobs.tsx')),
  jobDetail: once(() => import('./routes/job-detail.tsx')),
  submit: once(() => import('./routes/submit.tsx')),
  adminUsers: once(() => import('./routes/admin-users.tsx')),
  adminVirtualClusters: once(() => import('./routes/admin-virtual-clusters.tsx')),
} satisfies Record<string, PageLoad>;

export type RouteData = typeof RouteDataModule;
/** The pages' data starters (route-data.ts): a chunk of their own, so the sign-in page loads none. */
export const routeData = once(() => import('./route-data.ts'));

/** The signed-in page a path opens (the same paths as router.tsx); null for anything else. */
export function signedInPageOf(pathname: string): PageLoad | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return pageChunks.dashboard;
  if (path === '/jobs') return pageChunks.jobs;
  if (path === '/submit') return pageChunks.submit;
  if (path === '/admin/users') return pageChunks.adminUsers;
  if (path === '/admin/virtual-clusters') return pageChunks.adminVirtualClusters;
  if (/^\/jobs\/[^/]+(\/[^/]+)?$/.test(path)) return pageChunks.jobDetail;
  return null;
}

/**
 * Runs first of the entry's modules: for a signed-in person opening a page, its chunks (and
 * theirs, through Vite's preload) are requested now, while React and Fluent start, instead of
 * after the router's first pass. Signed out, nothing is requested (the sign-in page is all).
 */
export function startPageChunks(pathname = location.pathname): void {
  const session = currentSession();
  if (!session || isExpired(session)) return;
  const page = signedInPageOf(pathname);
  if (!page) return;
  void pageChunks.layout().catch(() => undefined);
  void page().catch(() => undefined);
  void routeData().catch(() => undefined);
}
