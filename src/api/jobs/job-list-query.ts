import type { DisplayState } from '../../../contract/job-state.ts';
import type { QueryValue } from '../../lib/api-client.ts';
import type { JobListRequest } from '../../lib/job-list-local.ts';

/** The API's `state` values for a display state (Stopping is its own state on the server). */
const API_STATE: Record<DisplayState, string> = {
  Waiting: 'WAITING',
  Running: 'RUNNING',
  Stopping: 'STOPPING',
  Succeeded: 'SUCCEEDED',
  Failed: 'FAILED',
  Stopped: 'STOPPED',
  Unknown: 'UNKNOWN',
};

/** The query string of one page of `GET /api/v1/jobs` (also asked early by the first paint). */
export function jobListQuery(request: JobListRequest): Record<string, QueryValue> {
  const { order } = request;
  return {
    offset: request.offset,
    limit: request.limit,
    withTotalCount: true,
    username: request.usernames?.join(','),
    state: request.states?.map((state) => API_STATE[state]).join(','),
    vc: request.virtualClusters?.join(','),
    keyword: request.keyword?.trim(),
    order: order ? `${order.field},${order.descending ? 'DESC' : 'ASC'}` : undefined,
    legacy: request.legacyOnly ? true : undefined,
  };
}
