import { JOB_ORDER_FIELDS, type JobOrderField, type JobState } from '../../contract/api-types.ts';
import { badRequest } from '../errors.ts';
import { NEWEST_FIRST, type JobListFilter, type JobListOrder } from '../store/job-list.ts';

const JOB_STATES: readonly JobState[] = [
  'WAITING',
  'RUNNING',
  'STOPPING',
  'SUCCEEDED',
  'FAILED',
  'STOPPED',
  'UNKNOWN',
];

export interface JobListRequest {
  filter: JobListFilter;
  order: JobListOrder;
  offset: number;
  limit: number | undefined;
  withTotalCount: boolean;
}

type Query = Record<string, string | string[] | undefined>;

/** A repeated parameter (`state=A&state=B`) counts like a comma list (`state=A,B`). */
function text(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function list(query: Query, name: string): string[] | undefined {
  const values = text(query, name)
    ?.split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return values?.length ? values : undefined;
}

/** A page holds at most this many jobs; without `limit` the classic list is unpaged. */
export const MAX_LIST_LIMIT = 50_000;

function integer(query: Query, name: string, min: number, max: number): number | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  // The length check first: 99999999999999999999 would otherwise round on its way to a number.
  if (!/^\d{1,16}$/.test(value) || Number(value) < min || Number(value) > max)
    throw badRequest(`${name} must be an integer from ${min} to ${max}`);
  return Number(value);
}

function boolean(query: Query, name: string): boolean | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw badRequest(`${name} must be true or false`);
  return value === 'true';
}

function order(query: Query): JobListOrder {
  const value = text(query, 'order');
  if (value === undefined) return NEWEST_FIRST;
  const [field = '', direction = 'ASC', ...rest] = value.split(',').map((part) => part.trim());
  const upper = direction.toUpperCase();
  if (
    !(JOB_ORDER_FIELDS as readonly string[]).includes(field) ||
    (upper !== 'ASC' && upper !== 'DESC') ||
    rest.length
  ) {
    throw badRequest(
      `order must be "<field>,ASC" or "<field>,DESC" with a field among: ${JOB_ORDER_FIELDS.join(', ')}`,
    );
  }
  return { field: field as JobOrderField, direction: upper };
}

/**
 * The list's query (OpenPAI v2 names): offset, limit, withTotalCount, username, state, vc,
 * keyword, order, plus legacy. `pathUsername` (from /user/:username/jobs) overrides `username`.
 */
export function parseJobListQuery(query: Query, pathUsername?: string): JobListRequest {
  const states = list(query, 'state');
  const unknownState = states?.find((state) => !JOB_STATES.includes(state as JobState));
  if (unknownState !== undefined) throw badRequest(`state must be among: ${JOB_STATES.join(', ')}`);
  const keyword = text(query, 'keyword')?.trim();
  return {
    filter: {
      usernames: pathUsername !== undefined ? [pathUsername] : list(query, 'username'),
      states,
      virtualClusters: list(query, 'vc'),
      keyword: keyword || undefined,
      legacy: boolean(query, 'legacy'),
    },
    order: order(query),
    offset: integer(query, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: integer(query, 'limit', 1, MAX_LIST_LIMIT),
    withTotalCount: boolean(query, 'withTotalCount') ?? false,
  };
}
