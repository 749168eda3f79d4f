/**
 * A local check, not a test: fills a store with 100,000 jobs and prints how long list pages take
 * through the real app, with each query's plan. Run: `npx tsx test/scale/job-list-scale.ts [jobs]`.
 */
import { performance } from 'node:perf_hooks';
import { jobListSql } from '../../server/store/job-list.ts';
import { JobStore } from '../../server/store/jobs.ts';
import { parseJobListQuery } from '../../server/jobs/list-query.ts';
import { createTestApp } from '../../server/test-support/app.ts';

const JOBS = Number(process.argv[2] ?? 100_000);
const STATES = ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'FAILED', 'STOPPED', 'RUNNING', 'WAITING'];
const WORDS = [
  'mnist',
  'resnet',
  'bert',
  'gpt',
  'cifar',
  'imagenet',
  'tune',
  'eval',
  'train',
  'debug',
];

// SCALE_DIR keeps the seeded store between runs.
const t = await createTestApp({ dataDir: process.env.SCALE_DIR });
const token = await t.login('admin', 'admin-password');
const store = new JobStore(t.db);
const seedStart = performance.now();
const seeded = (t.db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;
t.db.transaction(() => {
  if (seeded >= JOBS) return;
  for (let i = 0; i < JOBS; i++) {
    const user = `user${i % 200}`;
    const name = `${WORDS[i % WORDS.length]}-${WORDS[(i * 7) % WORDS.length]}-${i}`;
    const legacy = i % 50 === 0;
    store.insert({
      framework_name: legacy ? name : `${user}~${name}`,
      name,
      namespace: legacy ? null : user,
      username: user,
      legacy: legacy ? 1 : 0,
      imported: legacy ? 1 : 0,
      virtual_cluster: i % 3 === 0 ? 'research' : 'default',
      config_text: null,
      config_json: null,
      state: STATES[i % STATES.length],
      created_time: 1_600_000_000_000 + i * 60_000,
      completed_time: i % 7 < 5 ? 1_600_000_000_000 + i * 60_000 + 30_000 : null,
      retries_user: i % 4,
      total_gpu_number: i % 5,
      total_task_number: 1 + (i % 8),
      total_task_role_number: 1 + (i % 3),
    });
  }
})();
t.db.exec(process.env.SCALE_ANALYZE ? 'ANALYZE' : 'PRAGMA optimize');
console.log(`seeded ${JOBS} jobs in ${(performance.now() - seedStart).toFixed(0)} ms`);

const queries = [
  'offset=0&limit=20&withTotalCount=true',
  'offset=50000&limit=20&withTotalCount=true',
  'limit=20&withTotalCount=true&username=user7',
  'limit=20&withTotalCount=true&username=user7,user8,user9',
  'limit=20&withTotalCount=true&state=RUNNING',
  'limit=20&withTotalCount=true&state=RUNNING,WAITING&vc=research',
  'limit=20&withTotalCount=true&vc=default&order=name,ASC',
  'limit=20&withTotalCount=true&legacy=true',
  'limit=20&withTotalCount=true&keyword=resnet',
  'limit=20&withTotalCount=true&keyword=-9999',
  'limit=20&withTotalCount=true&keyword=user123',
  'limit=20&withTotalCount=true&keyword=gp',
  'limit=20&withTotalCount=true&keyword=zz',
  'limit=20&withTotalCount=true&keyword=bert&state=FAILED&username=user1,user2',
  'limit=20&withTotalCount=true&order=retries,DESC',
  'limit=20&withTotalCount=true&order=totalGpuNumber,DESC&state=SUCCEEDED',
  'limit=20&withTotalCount=true&order=completedTime,ASC',
];

for (const query of queries) {
  const times: number[] = [];
  let totalCount = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    const response = await t.app.inject({
      url: `/api/v1/jobs?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    times.push(performance.now() - start);
    totalCount = (response.json() as { totalCount: number }).totalCount;
  }
  const parsed = parseJobListQuery(Object.fromEntries(new URLSearchParams(query)));
  const { sql, params } = jobListSql(parsed.filter, parsed.order, parsed);
  const plan = (
    t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  ).map((row) => row.detail);
  times.sort((a, b) => a - b);
  console.log(
    `${times[2]!.toFixed(1).padStart(7)} ms median  ${String(totalCount).padStart(6)} jobs  ${query}`,
  );
  console.log(`        plan: ${plan.join(' | ')}`);
}
await t.close({ keepDataDir: Boolean(process.env.SCALE_DIR) });
