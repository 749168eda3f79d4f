import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ORDER_FIELDS, type JobListItem, type JobListPage } from '../../contract/api-types.ts';
import { parseJobListQuery } from '../jobs/list-query.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';
import { jobListSql } from './job-list.ts';
import { JobStore } from './jobs.ts';

const USERS = ['alice', 'Bob', 'carol'];
const STATES = ['WAITING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPED'];
const NAMES = ['mnist', 'ResNet50', 'bert-large', 'mn', 'x_mnist_y', 'gpt2', 'a.b', 'zz'];

interface Seed {
  name: string;
  username: string;
  state: string;
  vc: string;
  legacy: boolean;
  created: number;
  retries: number;
  gpus: number;
}

describe('job list: filters, order, paging and keyword', () => {
  let t: TestApp;
  let api: ApiClient;
  const seeds: Seed[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    api = apiClient(t.app, await t.login('admin', 'admin-password'));
    const store = new JobStore(t.db);
    for (let i = 0; i < 240; i++) {
      const seed: Seed = {
        name: `${NAMES[i % NAMES.length]}-${i}`,
        username: USERS[i % USERS.length]!,
        state: STATES[(i * 7) % STATES.length]!,
        vc: i % 4 === 0 ? 'research' : 'default',
        legacy: i % 10 === 0,
        created: 1_700_000_000_000 + ((i * 7919) % 240) * 1000,
        retries: i % 3,
        gpus: i % 5,
      };
      seeds.push(seed);
      store.insert({
        framework_name: seed.legacy ? seed.name : `${seed.username}~${seed.name}`,
        name: seed.name,
        namespace: seed.legacy ? null : seed.username,
        username: seed.username,
        legacy: seed.legacy ? 1 : 0,
        virtual_cluster: seed.vc,
        config_text: null,
        config_json: null,
        state: seed.state,
        created_time: seed.created,
        retries_platform: seed.retries,
        total_gpu_number: seed.gpus,
        total_task_number: 1,
        total_task_role_number: 1,
      });
    }
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const response = await api('GET', `/api/v1/jobs?${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  const names = (items: JobListItem[]) => items.map((item) => item.name);
  const newestFirst = (a: Seed, b: Seed) => b.created - a.created;

  it('answers the classic array, newest first, without parameters', async () => {
    const items = (await list('')) as JobListItem[];
    expect(names(items)).toEqual([...seeds].sort(newestFirst).map((seed) => seed.name));
    expect(items.filter((item) => item.legacy)).toHaveLength(24);
  });

  it('filters by comma lists and by legacy, and pages with a total count', async () => {
    const expected = seeds
      .filter(
        (s) =>
          ['alice', 'carol'].includes(s.username) &&
          ['RUNNING', 'FAILED'].includes(s.state) &&
          s.vc === 'default' &&
          !s.legacy,
      )
      .sort(newestFirst);
    const page = (await list(
      'username=alice,carol&state=RUNNING,FAILED&vc=default&legacy=false&offset=2&limit=5&withTotalCount=true',
    )) as JobListPage;
    expect(page.totalCount).toBe(expected.length);
    expect(names(page.data)).toEqual(expected.slice(2, 7).map((s) => s.name));
    const legacy = (await list('legacy=true&withTotalCount=true&limit=1')) as JobListPage;
    expect(legacy.totalCount).toBe(24);
    // User names match whatever their case: the seeded user is `Bob`.
    const bobs = seeds.filter((s) => s.username === 'Bob').length;
    for (const asked of ['bob', 'BOB', 'Bob'])
      expect(
        ((await list(`username=${asked}&withTotalCount=true`)) as JobListPage).totalCount,
      ).toBe(bobs);
    const repeated = (await list('state=RUNNING&state=FAILED')) as JobListItem[];
    expect(repeated.length).toBe(
      seeds.filter((s) => ['RUNNING', 'FAILED'].includes(s.state)).length,
    );
  });

  it('finds keywords of 3+ characters anywhere in the job or user name, ignoring case', async () => {
    const contains = (keyword: string) =>
      seeds.filter(
        (s) => s.name.toLowerCase().includes(keyword) || s.username.toLowerCase().includes(keyword),
      );
    for (const keyword of [
      'mnist',
      'MNIST',
      'resnet',
      'ice',
      'bob',
      '50-',
      'a.b',
      'nothing-like-this',
      '"q"',
    ]) {
      const page = (await list(
        `keyword=${encodeURIComponent(keyword)}&withTotalCount=true`,
      )) as JobListPage;
      expect(page.totalCount, keyword).toBe(contains(keyword.toLowerCase()).length);
      expect(names(page.data).sort(), keyword).toEqual(
        contains(keyword.toLowerCase())
          .map((s) => s.name)
          .sort(),
      );
    }
  });

  it('matches keywords of one or two characters at the start of the job or user name', async () => {
    for (const keyword of ['mn', 'MN', 'b', 'z', 'q']) {
      const lower = keyword.toLowerCase();
      const expected = seeds.filter(
        (s) => s.name.toLowerCase().startsWith(lower) || s.username.toLowerCase().startsWith(lower),
      );
      const page = (await list(`keyword=${keyword}&withTotalCount=true`)) as JobListPage;
      expect(page.totalCount, keyword).toBe(expected.length);
    }
  });

  it('sorts by every order field, both ways', async () => {
    const key: Record<string, (s: Seed) => number | string> = {
      createdTime: (s) => s.created,
      retries: (s) => s.retries,
      totalGpuNumber: (s) => s.gpus,
      name: (s) => s.name.toLowerCase(),
    };
    for (const [field, of] of Object.entries(key)) {
      for (const direction of ['ASC', 'DESC']) {
        const items = (await list(`order=${field},${direction}`)) as JobListItem[];
        const values = items.map((item) => of(seeds.find((s) => s.name === item.name)!));
        const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(values, `${field},${direction}`).toEqual(
          direction === 'ASC' ? sorted : sorted.reverse(),
        );
      }
    }
  });

  it.each([
    ['offset=-1', 'offset must be an integer from 0 to 9007199254740991'],
    ['limit=0', 'limit must be an integer from 1 to 50000'],
    ['limit=ten', 'limit must be an integer from 1 to 50000'],
    ['withTotalCount=yes', 'withTotalCount must be true or false'],
    [
      'state=DONE',
      'state must be among: WAITING, RUNNING, STOPPING, SUCCEEDED, FAILED, STOPPED, UNKNOWN',
    ],
    [
      'order=password,ASC',
      expect.stringContaining('order must be "<field>,ASC" or "<field>,DESC"'),
    ],
    ['order=name,UP', expect.stringContaining('order must be')],
  ])('rejects %s', async (query, message) => {
    const response = await api('GET', `/api/v1/jobs?${query}`);
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'InvalidParametersError', message },
    });
  });

  it('finds jobs being stopped under STOPPING, not under WAITING or RUNNING', async () => {
    const stopping = seeds.filter((seed) => seed.state === 'RUNNING').slice(0, 3);
    const stoppingWaiting = seeds.find((seed) => seed.state === 'WAITING')!;
    const mark = t.db.prepare(`UPDATE jobs SET execution_type = 'STOP' WHERE name = ?`);
    for (const seed of [...stopping, stoppingWaiting]) mark.run(seed.name);
    try {
      const page = async (state: string) =>
        names(((await list(`state=${state}&withTotalCount=true&limit=1000`)) as JobListPage).data);
      const stoppingNames = [...stopping, stoppingWaiting].map((seed) => seed.name);
      expect((await page('STOPPING')).sort()).toEqual([...stoppingNames].sort());
      const running = await page('RUNNING');
      expect(running.filter((name) => stoppingNames.includes(name))).toEqual([]);
      expect(running).toHaveLength(seeds.filter((seed) => seed.state === 'RUNNING').length - 3);
      expect(await page('WAITING')).not.toContain(stoppingWaiting.name);
      expect((await page('RUNNING,STOPPING')).length).toBe(running.length + 4);
      // A job that ended after its stop is no longer "stopping".
      expect(await page('SUCCEEDED,STOPPING')).toEqual(expect.arrayContaining(stoppingNames));
    } finally {
      t.db.prepare(`UPDATE jobs SET execution_type = 'START'`).run();
    }
  });

  it('never reads the whole jobs table to filter (query plans use indexes)', () => {
    const choices = {
      username: [undefined, 'alice', 'alice,BOB'],
      state: [undefined, 'RUNNING', 'RUNNING,WAITING', 'STOPPING'],
      vc: [undefined, 'default'],
      keyword: [undefined, 'm', 'mn', 'mnist'],
      legacy: [undefined, 'true'],
      order: [undefined, ...JOB_ORDER_FIELDS.map((field) => `${field},DESC`)],
    };
    // Every combination of the choices above.
    const queries = Object.entries(choices).reduce<Record<string, string | undefined>[]>(
      (partial, [name, values]) =>
        partial.flatMap((query) => values.map((value) => ({ ...query, [name]: value }))),
      [{}],
    );
    expect(queries).toHaveLength(3 * 4 * 2 * 4 * 2 * 10);
    for (const query of queries) {
      const parsed = parseJobListQuery(query);
      const { sql, params } = jobListSql(parsed.filter, parsed.order, { offset: 0, limit: 20 });
      const plan = (
        t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
      ).map((row) => row.detail);
      const where = `${JSON.stringify(query)}: ${plan.join(' | ')}`;
      expect(
        plan.filter((line) => /^SCAN jobs\b(?! USING)/.test(line)),
        where,
      ).toEqual([]);
      const filtered = Object.entries(query).some(
        ([name, value]) => value !== undefined && name !== 'order',
      );
      if (filtered)
        expect(
          plan.some((line) => /^SEARCH jobs|VIRTUAL TABLE INDEX/.test(line)),
          where,
        ).toBe(true);
    }
  });
});
