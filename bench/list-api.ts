import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  cpuTimeMs,
  largeStore,
  seededStore,
  startSeededServer,
  type SeededServer,
} from './fixtures/seeded-server.ts';
import { classicCase, directAnswer, pagedCases, type ListCase } from './list-cases.ts';
import { atMost, median, ms, timed, type BenchSection, type Measurement } from './section.ts';

const WARM_UP = 2;

/** CPU milliseconds this process spends in `task` (µs resolution). */
function ownCpuMs(task: () => unknown): number {
  const before = process.cpuUsage();
  task();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** One GET: wall milliseconds here, and CPU milliseconds the server process spent meanwhile. */
async function httpSample(target: SeededServer, path: string): Promise<[number, number]> {
  const pid = target.server.process.pid!;
  const before = cpuTimeMs(pid);
  const wall = await timed(() => target.get(path));
  return [wall, cpuTimeMs(pid) - before];
}

type Body = { totalCount?: number; data?: unknown[] } | unknown[];
const sizes = (body: Body) =>
  JSON.stringify(Array.isArray(body) ? [body.length] : [body.totalCount, body.data?.length]);

/** The fixed part of any HTTP time: a signed-in request that reads one small row and no jobs. */
const ROUND_TRIP = '/api/v1/token';

/**
 * HTTP time ÷ direct time for one case, sampled in alternation (with a signed-in round trip of
 * reference) so that all three see the same noise.
 */
async function compare(
  target: SeededServer,
  db: Database.Database,
  listCase: ListCase,
  samples: number,
): Promise<Measurement> {
  const path = `/api/v1/jobs${listCase.path ? `?${listCase.path}` : ''}`;
  const httpBody = JSON.parse(await target.get(path)) as Body;
  if (sizes(httpBody) !== sizes(JSON.parse(directAnswer(db, listCase)) as Body)) {
    throw new Error(`${listCase.metric}: the server and SQLite disagree (${sizes(httpBody)})`);
  }
  const runs: {
    http: number;
    serverCpu: number;
    direct: number;
    directCpu: number;
    trip: number;
  }[] = [];
  for (let i = 0; i < samples + WARM_UP; i++) {
    const [http, serverCpu] = await httpSample(target, path);
    let directCpu = 0;
    const direct = await timed(() => (directCpu = ownCpuMs(() => directAnswer(db, listCase))));
    const [trip] = await httpSample(target, ROUND_TRIP);
    if (i >= WARM_UP) runs.push({ http, serverCpu, direct, directCpu, trip });
  }
  const m = (key: keyof (typeof runs)[number]) => median(runs.map((run) => run[key]));
  const ratio = m('http') / m('direct');
  const found = Array.isArray(httpBody)
    ? `${httpBody.length} items`
    : `${httpBody.totalCount} matches`;
  return {
    metric: `${listCase.metric}: HTTP ÷ SQLite+JSON`,
    value: ratio,
    unit: '×',
    ...atMost(ratio, 3),
    note:
      `${ms(m('http'))} vs ${ms(m('direct'))}; signed-in round trip ${ms(m('trip'))}, ` +
      `HTTP ÷ (SQLite+JSON + round trip) ${(m('http') / (m('direct') + m('trip'))).toFixed(2)}×; ` +
      `CPU ${ms(m('serverCpu'))} (server) vs ${ms(m('directCpu'))}; ${found} of ${target.store.jobs} jobs; median of ${samples}`,
  };
}

/** The cases on a server over a store of `jobs` jobs. */
async function measureStore(
  jobs: number,
  cases: ListCase[],
  samples: number,
): Promise<Measurement[]> {
  const target = await startSeededServer(jobs);
  const db = new Database(join(target.store.dataDir, 'pai.sqlite'), { readonly: true });
  try {
    // Warm the server's JIT and both connections' page caches on every case first.
    for (let round = 0; round < 20; round++) {
      for (const listCase of cases) {
        await target.get(`/api/v1/jobs?${listCase.path}`);
        await target.get(ROUND_TRIP);
        directAnswer(db, listCase);
      }
    }
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
    const samples = quick ? 5 : 25; // cheap, and the noise of a shared machine needs many
    const jobs = largeStore(quick);
    const large = await measureStore(jobs, pagedCases(jobs), samples);
    const { seedMs } = await seededStore(jobs);
    return [
      {
        metric: `seeding ${jobs} jobs through the store`,
        value: seedMs / 1000,
        unit: 's',
        note: '200 users, 5 VCs, every state, a config each; one transaction',
      },
      ...large,
      // The first page again on a tenth of the jobs: what HTTP adds should not change.
      ...(await measureStore(
        10_000,
        [{ ...pagedCases(10_000)[0]!, metric: 'first page at 10,000 jobs' }, classicCase],
        samples,
      )),
    ];
  },
};
