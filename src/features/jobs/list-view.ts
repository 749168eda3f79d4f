import { JOB_ORDER_FIELDS, type JobOrderField } from '../../../contract/api-types.ts';
import type { DisplayState } from '../../../contract/job-state.ts';
import { DISPLAY_STATES } from '../../lib/display-states.ts';
import type { JobListRequest } from '../../lib/job-list-local.ts';

/** Everything that decides what the list shows; it all lives in the URL (no hidden persisted filters). */
export interface JobListView {
  keyword: string;
  users: string[];
  states: DisplayState[];
  virtualClusters: string[];
  legacyOnly: boolean;
  sort: JobOrderField;
  descending: boolean;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const FILTER_STATES = DISPLAY_STATES;
export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_VIEW: JobListView = {
  keyword: '',
  users: [],
  states: [],
  virtualClusters: [],
  legacyOnly: false,
  sort: 'createdTime',
  descending: true,
  page: 1,
  pageSize: 20,
};

function list(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

/** Reads the view from `?keyword=&user=a,b&state=Running,Failed&vc=&legacy=1&sort=name&order=asc&page=2&size=50`. */
export function viewFromParams(params: URLSearchParams): JobListView {
  const sort = params.get('sort') as JobOrderField | null;
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  return {
    keyword: params.get('keyword') ?? '',
    users: list(params, 'user'),
    states: list(params, 'state').filter((state): state is DisplayState =>
      FILTER_STATES.includes(state as DisplayState),
    ),
    virtualClusters: list(params, 'vc'),
    legacyOnly: params.get('legacy') === '1',
    sort: sort && JOB_ORDER_FIELDS.includes(sort) ? sort : DEFAULT_VIEW.sort,
    descending: params.has('order') ? params.get('order') !== 'asc' : DEFAULT_VIEW.descending,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_VIEW.pageSize,
  };
}

/** Writes only what differs from the default, so plain `/jobs` stays plain. */
export function paramsFromView(view: JobListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.keyword) params.set('keyword', view.keyword);
  if (view.users.length) params.set('user', view.users.join(','));
  if (view.states.length) params.set('state', view.states.join(','));
  if (view.virtualClusters.length) params.set('vc', view.virtualClusters.join(','));
  if (view.legacyOnly) params.set('legacy', '1');
  if (view.sort !== DEFAULT_VIEW.sort || view.descending !== DEFAULT_VIEW.descending) {
    params.set('sort', view.sort);
    params.set('order', view.descending ? 'desc' : 'asc');
  }
  if (view.page !== 1) params.set('page', String(view.page));
  if (view.pageSize !== DEFAULT_VIEW.pageSize) params.set('size', String(view.pageSize));
  return params;
}

export function hasFilters(view: JobListView): boolean {
  return (
    !!view.keyword ||
    view.users.length > 0 ||
    view.states.length > 0 ||
    view.virtualClusters.length > 0 ||
    view.legacyOnly
  );
}

export function clearFilters(view: JobListView): JobListView {
  return {
    ...view,
    keyword: '',
    users: [],
    states: [],
    virtualClusters: [],
    legacyOnly: false,
    page: 1,
  };
}

export function requestFromView(view: JobListView): JobListRequest {
  return {
    offset: (view.page - 1) * view.pageSize,
    limit: view.pageSize,
    usernames: view.users.length ? view.users : undefined,
    states: view.states.length ? view.states : undefined,
    virtualClusters: view.virtualClusters.length ? view.virtualClusters : undefined,
    keyword: view.keyword.trim() || undefined,
    legacyOnly: view.legacyOnly || undefined,
    order: { field: view.sort, descending: view.descending },
  };
}
