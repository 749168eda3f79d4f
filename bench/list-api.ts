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

/** HTTP time ÷ direct time for one case, sampled in alternation so both see the same noise. */
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
  const http: [number, number][] = [];
  const direct: [number, number][] = [];
  for (let i = 0; i < samples + WARM_UP; i++) {
    const viaHttp = await httpSample(target, path);
    let cpu = 0;
    const wall = await timed(() => (cpu = ownCpuMs(() => directAnswer(db, listCase))));
    if (i < WARM_UP) continue;
    http.push(viaHttp);
    direct.push([wall, cpu]);
  }
  const [httpWall, serverCpu] = [0, 1].map((k) => median(http.map((s) => s[k]!)));
  const [directWall, directCpu] = [0, 1].map((k) => median(direct.map((s) => s[k]!)));
  const ratio = httpWall! / directWall!;
  const found = Array.isArray(httpBody)
    ? `${httpBody.length} items`
    : `${httpBody.totalCount} matches`;
  return {
    metric: `${listCase.metric}: HTTP ÷ SQLite+JSON`,
    value: ratio,
    unit: '×',
    ...atMost(ratio, 3),
    note:
      `${ms(httpWall!)} vs ${ms(directWall!)} (HTTP adds ${ms(httpWall! - directWall!)}); ` +
      `CPU ${ms(serverCpu!)} (server) vs ${ms(directCpu!)}; ${target.store.jobs} jobs, ${found}; median of ${samples}`,
  };
}

/** The fixed part of every HTTP time: a signed-in request that reads one small row, no jobs. */
async function signedInRoundTrip(target: SeededServer, samples: number): Promise<Measurement> {
  const runs: [number, number][] = [];
  for (let i = 0; i < samples + WARM_UP; i++) {
    const sample = await httpSample(target, '/api/v1/token');
    if (i >= WARM_UP) runs.push(sample);
  }
  const [wall, cpu] = [0, 1].map((k) => median(runs.map((s) => s[k]!)));
  return {
    metric: 'signed-in round trip without jobs (GET /api/v1/token)',
    value: wall!,
    unit: 'ms',
    note: `CPU ${ms(cpu!)} (server): the fixed part of each HTTP time above; median of ${samples}`,
  };
}

/** The cases on a server over a store of `jobs` jobs, then (if asked) the round trip of reference. */
async function measureStore(
  jobs: number,
  cases: ListCase[],
  samples: number,
  roundTrip = false,
): Promise<Measurement[]> {
  const target = await startSeededServer(jobs);
  const db = new Database(join(target.store.dataDir, 'pai.sqlite'), { readonly: true });
  try {
    // Warm the server's JIT and both connections' page caches on every case first.
    for (let round = 0; round < 20; round++) {
      for (const listCase of cases) {
        await target.get(`/api/v1/jobs?${listCase.path}`);
        directAnswer(db, listCase);
      }
    }
    const rows: Measurement[] = [];
    for (const listCase of cases) rows.push(await compare(target, db, listCase, samples));
    if (roundTrip) rows.push(await signedInRoundTrip(target, samples));
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
        true,
      )),
    ];
  },
};
