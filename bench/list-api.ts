import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  cpuTimeMs,
  largeStore,
  startSeededServer,
  type SeededServer,
} from './fixtures/seeded-server.ts';
import { seedUsername } from './fixtures/seed-store.ts';
import { atMost, median, ms, timed, type BenchSection, type Measurement } from './section.ts';

/** The fields of a list item (CONTRACT §5.2), read straight from their columns. */
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
    count: `SELECT count(*) FROM jobs ${where}`,
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

const classicCase: ListCase = {
  metric: 'classic unpaged list',
  path: '',
  sql: { rows: `SELECT ${LIST_COLUMNS} FROM jobs ${NEWEST_FIRST}`, params: [] },
};

/** The direct answer: SQLite through better-sqlite3 in this process, then JSON.stringify. */
function directAnswer(db: Database.Database, { sql }: ListCase): string {
  const data = db.prepare(sql.rows).all(...sql.params);
  if (!sql.count) return JSON.stringify(data);
  const totalCount = db
    .prepare(sql.count)
    .pluck()
    .get(...sql.params) as number;
  return JSON.stringify({ totalCount, data });
}

/** CPU milliseconds this process spends in `task` (µs resolution). */
function ownCpuMs(task: () => unknown): number {
  const before = process.cpuUsage();
  task();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** HTTP time ÷ direct time for one case, sampled in alternation so both see the same noise. */
async function compare(
  target: SeededServer,
  db: Database.Database,
  listCase: ListCase,
  samples: number,
): Promise<Measurement> {
  const path = `/api/v1/jobs${listCase.path ? `?${listCase.path}` : ''}`;
  type Body = { totalCount?: number; data?: unknown[] } | unknown[];
  const sizes = (body: Body) =>
    JSON.stringify(Array.isArray(body) ? [body.length] : [body.totalCount, body.data?.length]);
  const httpBody = JSON.parse(await target.get(path)) as Body;
  if (sizes(httpBody) !== sizes(JSON.parse(directAnswer(db, listCase)) as Body)) {
    throw new Error(`${listCase.metric}: the server and SQLite disagree (${sizes(httpBody)})`);
  }
  const pid = target.server.process.pid!;
  const wall = { http: [] as number[], direct: [] as number[] };
  const cpu = { server: [] as number[], direct: [] as number[] };
  for (let i = 0; i < samples + 2; i++) {
    const serverBefore = cpuTimeMs(pid);
    const http = await timed(() => target.get(path));
    const serverCpu = cpuTimeMs(pid) - serverBefore;
    let directCpu = 0;
    const direct = await timed(() => (directCpu = ownCpuMs(() => directAnswer(db, listCase))));
    if (i < 2) continue; // warm-up rounds
    wall.http.push(http);
    wall.direct.push(direct);
    cpu.server.push(serverCpu);
    cpu.direct.push(directCpu);
  }
  const ratio = median(wall.http) / median(wall.direct);
  const found = Array.isArray(httpBody)
    ? `${httpBody.length} items`
    : `${httpBody.totalCount} matches`;
  return {
    metric: `${listCase.metric}: HTTP ÷ SQLite+JSON`,
    value: ratio,
    unit: '×',
    ...atMost(ratio, 3),
    note:
      `${ms(median(wall.http))} vs ${ms(median(wall.direct))}; CPU ${ms(median(cpu.server))} in the server vs ` +
      `${ms(median(cpu.direct))} (${(median(cpu.server) / median(cpu.direct)).toFixed(2)}×); ${target.store.jobs} jobs, ${found}; median of ${samples}`,
  };
}

async function measureStore(
  jobs: number,
  cases: ListCase[],
  samples: number,
): Promise<Measurement[]> {
  const target = await startSeededServer(jobs);
  const db = new Database(join(target.store.dataDir, 'pai.sqlite'), { readonly: true });
  try {
    const rows: Measurement[] = [];
    for (const listCase of cases) rows.push(await compare(target, db, listCase, samples));
    return rows;
  } finally {
    db.close();
    await target.server.stop();
  }
}

/** Section 1: `GET /api/v1/jobs` over HTTP against the same query on SQLite directly. */
export const listApiSection: BenchSection = {
  name: 'list-api',
  async run({ quick }) {
    const samples = quick ? 5 : 15;
    const jobs = largeStore(quick);
    const paged = await measureStore(jobs, pagedCases(jobs), samples);
    const classic = await measureStore(10_000, [classicCase], samples);
    return [...paged, ...classic];
  },
};
