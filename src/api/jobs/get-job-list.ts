import { queryOptions } from '@tanstack/react-query';
import type { JobListItem, JobListPage } from '../../../contract/api-types.ts';
import type { DisplayState } from '../../../contract/job-state.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { DISPLAY_STATES } from '../../lib/display-states.ts';
import {
  applyJobListRequest,
  type JobListRequest,
  type JobListResult,
} from '../../lib/job-list-local.ts';
import { queryKeys } from '../query-keys.ts';
import { jobListQuery } from './job-list-query.ts';

export type { JobListRequest, JobListResult } from '../../lib/job-list-local.ts';

/** Once a server has answered with a classic array, later requests skip the paging parameters. */
let classicServer = false;
/** Concurrent views of a classic server share one download of the whole list. */
let classicDownload: Promise<JobListItem[]> | null = null;

/** Not cancellable: other views may be waiting on the same download. */
function downloadAll(): Promise<JobListItem[]> {
  classicDownload ??= apiRequest<JobListItem[]>('/api/v1/jobs').finally(() => {
    classicDownload = null;
  });
  return classicDownload;
}

/** One page of jobs: paged on the server, or filtered, sorted and paged here for a classic server. */
export async function fetchJobList(
  request: JobListRequest,
  signal?: AbortSignal,
): Promise<JobListResult> {
  if (classicServer) return applyJobListRequest(await downloadAll(), request);
  const body = await apiRequest<JobListPage | JobListItem[]>('/api/v1/jobs', {
    query: jobListQuery(request),
    signal,
  });
  if (!Array.isArray(body)) return { totalCount: body.totalCount, jobs: body.data, classic: false };
  classicServer = true;
  // A classic server honours only `username`, and only one: filter the whole list here instead.
  const all = request.usernames?.length ? await downloadAll() : body;
  return applyJobListRequest(all, request);
}

/** For tests: forget what kind of server answered. */
export function resetJobListMode(): void {
  classicServer = false;
  classicDownload = null;
}

/** `GET /api/v1/jobs?offset&limit&withTotalCount&…`: one page of jobs. */
export const jobListQueryOptions = (request: JobListRequest) =>
  queryOptions({
    queryKey: queryKeys.jobs.list(request),
    queryFn: ({ signal }) => fetchJobList(request, signal),
  });

export type JobCounts = Record<DisplayState, number>;

/** Jobs per state, one `limit=1&withTotalCount=true` call per state (a classic server: counted here). */
export async function fetchJobCounts(
  username: string | null,
  signal?: AbortSignal,
): Promise<JobCounts> {
  const usernames = username ? [username] : undefined;
  const totals = await Promise.all(
    DISPLAY_STATES.map((state) =>
      fetchJobList({ offset: 0, limit: 1, states: [state], usernames }, signal),
    ),
  );
  const counts = { Unknown: 0 } as JobCounts;
  DISPLAY_STATES.forEach((state, index) => {
    counts[state] = totals[index]!.totalCount;
  });
  return counts;
}

/** `username` null: every job (admins). */
export const jobCountsQueryOptions = (username: string | null) =>
  queryOptions({
    queryKey: queryKeys.jobs.counts(username),
    queryFn: ({ signal }) => fetchJobCounts(username, signal),
  });

export const RECENT_JOB_COUNT = 10;

/** The person's most recently submitted jobs. */
export const recentJobsQueryOptions = (username: string) =>
  queryOptions({
    queryKey: queryKeys.jobs.recent(username),
    queryFn: async ({ signal }): Promise<JobListItem[]> => {
      const request: JobListRequest = {
        offset: 0,
        limit: RECENT_JOB_COUNT,
        usernames: [username],
        order: { field: 'createdTime', descending: true },
      };
      return (await fetchJobList(request, signal)).jobs;
    },
  });
