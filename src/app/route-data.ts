import { usersQueryOptions } from '../api/users/get-users.ts';
import { virtualClustersQueryOptions } from '../api/virtual-clusters/get-virtual-clusters.ts';
import { prefetchDashboard } from '../features/dashboard/hooks/dashboard-queries.ts';
import { prefetchJob } from '../features/job-detail/hooks/job-queries.ts';
import { jobRefFromRoute } from '../features/job-detail/model/job-ref.ts';
import { prefetchJobList } from '../features/jobs/hooks/job-list-queries.ts';
import { requestFromView, viewFromParams } from '../features/jobs/list-view.ts';
import type { Prefetch } from './page-routes.tsx';

/** Each page's first requests, started by its route loader beside its chunk (no render first). */
export const prefetchDashboardPage: Prefetch = ({ queryClient, session }) =>
  prefetchDashboard(queryClient, session);

export const prefetchJobListPage: Prefetch = ({ queryClient, url }) =>
  prefetchJobList(queryClient, requestFromView(viewFromParams(url.searchParams)));

export const prefetchJobPage: Prefetch = ({ queryClient, params }) => {
  const job = jobRefFromRoute(params);
  if (job) prefetchJob(queryClient, job);
};

/** Administration pages ask only for admins: anyone else gets the "administrators only" page. */
export const prefetchUsersPage: Prefetch = ({ queryClient, session }) => {
  if (session.admin) void queryClient.prefetchQuery(usersQueryOptions());
};

export const prefetchVirtualClustersPage: Prefetch = ({ queryClient, session }) => {
  if (session.admin) void queryClient.prefetchQuery(virtualClustersQueryOptions());
};
