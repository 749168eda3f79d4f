import type Database from 'better-sqlite3';
import { seedUsername } from './fixtures/seed-store.ts';

/** The fields of a list item (docs/api.md §5.2), read straight from their columns. */
const LIST_COLUMNS = `name, username, namespace, legacy, state, sub_state, execution_type, retries_user,
  retries_platform, retries_resource, created_time, completed_time, app_exit_code, virtual_cluster,
  total_gpu_number, total_task_number, total_task_role_number`;
const NEWEST_FIRST = 'ORDER BY created_time DESC, id DESC';

export interface ListCase {
  metric: string;
  /** The request the portal (or a classic client) sends. */
  path: string;
  /** The same question asked of SQLite directly: page rows, and the total count when asked for. */
  sql: { rows: string; count?: string; params: unknown[] };
}

/** The five list requests of the issue, on a store of `jobs` jobs. */
export function pagedCases(jobs: number): ListCase[] {
  const deep = Math.floor(jobs * 0.9);
  const user = seedUsername(42);
  const page = (where: string, order = NEWEST_FIRST, offset = 0) => ({
    rows: `SELECT ${LIST_COLUMNS} FROM jobs ${where} ${order} LIMIT 50 OFFSET ${offset}`,
    count: `SELECT count(*) AS n FROM jobs ${where}`,
  });
  const keyword = `WHERE +id IN (SELECT rowid FROM jobs_search WHERE jobs_search MATCH '"resnet"')`;
  return [
    {
      metric: 'first page',
      path: 'limit=50&withTotalCount=true',
      sql: { ...page(''), params: [] },
    },
    {
      metric: `deep page (offset ${deep})`,
      path: `offset=${deep}&limit=50&withTotalCount=true`,
      sql: { ...page('', NEWEST_FIRST, deep), params: [] },
    },
    {
      metric: 'state + user filter',
      path: `state=FAILED&username=${user}&limit=50&withTotalCount=true`,
      sql: { ...page(`WHERE username = ? AND state IN ('FAILED')`), params: [user] },
    },
    {
      metric: 'keyword search',
      path: 'keyword=resnet&limit=50&withTotalCount=true',
      sql: { ...page(keyword), params: [] },
    },
    {
      metric: 'sort by submission time',
      path: 'order=createdTime,ASC&limit=50&withTotalCount=true',
      sql: { ...page('', 'ORDER BY created_time ASC, id ASC'), params: [] },
    },
  ];
}

export const classicCase: ListCase = {
  metric: 'classic unpaged list',
  path: '',
  sql: { rows: `SELECT ${LIST_COLUMNS} FROM jobs ${NEWEST_FIRST}`, params: [] },
};

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Each statement prepared once per connection, as the server does: the baseline runs, never parses. */
function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let found = cache.get(sql);
  if (!found) cache.set(sql, (found = db.prepare(sql)));
  return found;
}

/** The direct answer: SQLite through better-sqlite3 in this process, then JSON.stringify. */
export function directAnswer(db: Database.Database, { sql }: ListCase): string {
  const data = statement(db, sql.rows).all(...sql.params);
  if (!sql.count) return JSON.stringify(data);
  const { n: totalCount } = statement(db, sql.count).get(...sql.params) as { n: number };
  return JSON.stringify({ totalCount, data });
}
