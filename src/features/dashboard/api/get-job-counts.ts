import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DisplayState } from '../../../../contract/job-state.ts';
import { DISPLAY_STATES } from '../../../lib/display-states.ts';
import { fetchJobList } from '../../../lib/job-list.ts';
import { DASHBOARD_REFRESH_MS, dashboardKeys } from './keys.ts';

export const COUNTED_STATES = DISPLAY_STATES;

export type JobCounts = Record<DisplayState, number>;

/** Jobs per state, one `limit=1&withTotalCount=true` call per state (a classic server: counted here). */
export async function getJobCounts(
  username: string | null,
  signal?: AbortSignal,
): Promise<JobCounts> {
  const usernames = username ? [username] : undefined;
  const totals = await Promise.all(
    COUNTED_STATES.map((state) =>
      fetchJobList({ offset: 0, limit: 1, states: [state], usernames }, signal),
    ),
  );
  const counts = { Unknown: 0 } as JobCounts;
  COUNTED_STATES.forEach((state, index) => {
    counts[state] = totals[index]!.totalCount;
  });
  return counts;
}

/** `username` null: every job (admins). */
export const jobCountsQueryOptions = (username: string | null) =>
  queryOptions({
    queryKey: dashboardKeys.jobCounts(username),
    queryFn: ({ signal }) => getJobCounts(username, signal),
    refetchInterval: DASHBOARD_REFRESH_MS,
  });

export function useJobCounts(username: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({ ...jobCountsQueryOptions(username), ...options });
}
