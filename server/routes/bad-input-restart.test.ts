import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail, JobListItem } from '../../contract/api-types.ts';
import { createTestApp, TEST_ADMIN, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';
import { LocalRuntime } from '../runtime/local-runtime.ts';
import { FAST_OPTIONS } from '../runtime/test-kit.ts';

/** Names of any characters and length, the awkward ones more often. */
const anyName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 60, maxLength: 70 }),
  fc.constantFrom('.', '..', '__proto__', 'constructor', 'a/b', '../x', 'x\0y', '-', 'ok_name'),
);
/** Numbers of any size and sign, and some that are not numbers at all. */
const anyNumber = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53, -(2 ** 53), 1e308, '1', null),
);

/** Mostly a valid value (so some jobs are accepted and run), else anything. */
const field = <T>(valid: fc.Arbitrary<T>, any: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: any, weight: 1 });
const validName = fc.stringMatching(/^[a-z][a-z0-9_]{0,40}$/);
const count = (min: number, max: number) => field(fc.integer({ min, max }), anyNumber);

const config = fc
  .record({
    jobName: field(validName, anyName),
    role: field(validName, anyName),
    label: field(validName, anyName),
    env: field(validName, anyName),
    taskNumber: count(1, 2),
    cpuNumber: count(1, 2),
    memoryMB: count(100, 1000),
    gpuNumber: count(0, 0),
    retryCount: count(0, 1),
    portNumber: count(0, 2),
    beginAt: count(0, 0),
  })
  .map((field) => ({
    jobName: field.jobName,
    image: 'busybox',
    retryCount: field.retryCount,
    jobEnvs: { [String(field.env)]: 'x' },
    taskRoles: [
      {
        name: field.role,
        taskNumber: field.taskNumber,
        cpuNumber: field.cpuNumber,
        memoryMB: field.memoryMB,
        gpuNumber: field.gpuNumber,
        command: 'true',
        portList: [{ label: field.label, beginAt: field.beginAt, portNumber: field.portNumber }],
      },
    ],
  }));

const ended = (state: string) => ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(state);

describe('arbitrary names and numbers in every field', { timeout: 240_000 }, () => {
  let t: TestApp;
  afterAll(() => t.close());
  const start = (dataDir?: string) =>
    createTestApp({
      dataDir,
      runtime: ({ config: serverConfig, db, cluster }) =>
        new LocalRuntime({ config: serverConfig, db, cluster, options: FAST_OPTIONS }),
    });

  it('never give a 5xx, and the server runs every accepted job and serves after a restart', async () => {
    t = await start();
    const admin = apiClient(t.app, await t.login(TEST_ADMIN.username, TEST_ADMIN.password));
    const accepted: string[] = [];
    await fc.assert(
      fc.asyncProperty(config, async (job) => {
        const answer = await admin('POST', '/api/v1/user/admin/jobs', JSON.stringify(job), {
          'content-type': 'application/json',
        });
        expect(answer.status, answer.text).toBeLessThan(500);
        if (answer.status === 202) accepted.push(job.jobName as string);
        else
          expect(answer.body).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
      }),
      { numRuns: 120 },
    );
    expect(accepted.length).toBeGreaterThan(0);

    const { dataDir } = t;
    await t.close({ keepDataDir: true });
    t = await start(dataDir);
    const again = apiClient(t.app, await t.login(TEST_ADMIN.username, TEST_ADMIN.password));
    const list = (await again('GET', '/api/v1/jobs')).body as JobListItem[];
    expect(list.map((job) => job.name).sort()).toEqual([...accepted].sort());
    for (const name of accepted) {
      const url = `/api/v1/user/admin/jobs/${encodeURIComponent(name)}`;
      await vi.waitFor(
        async () => {
          const detail = await again('GET', url);
          expect(detail.status, detail.text).toBe(200);
          expect(ended((detail.body as JobDetail).jobStatus.state)).toBe(true);
        },
        { timeout: 60_000, interval: 100 },
      );
    }
    const fresh = JSON.stringify({
      jobName: 'after-restart',
      image: 'x',
      taskRoles: [{ name: 'm', command: 'true' }],
    });
    expect(
      (
        await again('POST', '/api/v1/user/admin/jobs', fresh, {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(202);
    await vi.waitFor(
      async () =>
        expect(
          ((await again('GET', '/api/v1/user/admin/jobs/after-restart')).body as JobDetail)
            .jobStatus.state,
        ).toBe('SUCCEEDED'),
      { timeout: 60_000, interval: 100 },
    );
  });
});
