import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';

const validConfig = () => ({
  jobName: 'prop',
  image: 'busybox',
  virtualCluster: 'default',
  retryCount: 0,
  jobEnvs: { A: 1 },
  taskRoles: [
    {
      name: 'main',
      taskNumber: 1,
      cpuNumber: 1,
      memoryMB: 200,
      shmMB: 64,
      gpuNumber: 0,
      command: 'true',
      portList: [{ label: 'http', beginAt: 0, portNumber: 1 }],
    },
  ],
});

/** A valid config with one value anywhere in it replaced by arbitrary JSON. */
const mutatedConfig = fc
  .tuple(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 12 }), fc.boolean())
  .map(([value, pick, key, addKey]) => {
    const config = validConfig() as Record<string, unknown>;
    const targets: Record<string, unknown>[] = [
      config,
      (config.taskRoles as Record<string, unknown>[])[0]!,
    ];
    const target = targets[pick % targets.length]!;
    const keys = Object.keys(target);
    target[addKey ? key : keys[pick % keys.length]!] = value;
    config.jobName = `prop${pick}`;
    return JSON.stringify(config);
  });

const validText = fc.nat().map((n) => JSON.stringify({ ...validConfig(), jobName: `ok${n}` }));
const anyText = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  mutatedConfig,
  validText,
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '',
);

function expectErrorEnvelope(status: number, body: string): void {
  expect(status, body).toBeLessThan(500);
  if (status >= 400) {
    const { problems, ...parsed } = JSON.parse(body) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['code', 'message']);
    expect(typeof parsed.message).toBe('string');
    // A 400 on a body that breaks the schema also lists its problems as data.
    if (problems !== undefined) {
      expect(status).toBe(400);
      expect(problems).toEqual(
        expect.arrayContaining([{ path: expect.any(String), message: expect.any(String) }]),
      );
    }
  }
}

describe('bad input never yields a 5xx', () => {
  let t: TestApp;
  let token: string;
  const jobCount = () => (t.db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;

  beforeAll(async () => {
    t = await createTestApp();
    token = await t.addUser('alice');
  });
  afterAll(() => t.close());

  it('submit: any body and content type answers {code, message} or 202, writing a job only on 202', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        anyText,
        contentType,
        fc.constantFrom(
          'POST /api/v1/user/alice/jobs',
          'PUT /api/v1/jobs/alice~p',
          'PUT /api/v1/user/alice/jobs/q',
        ),
        async (body, type, route) => {
          const [method, url] = route.split(' ') as ['POST' | 'PUT', string];
          const before = jobCount();
          const response = await t.app.inject({
            method,
            url,
            payload: body,
            headers: {
              authorization: `Bearer ${token}`,
              ...(type ? { 'content-type': type } : {}),
            },
          });
          expectErrorEnvelope(response.statusCode, response.body);
          expect(jobCount(), response.body).toBe(response.statusCode === 202 ? before + 1 : before);
          if (response.statusCode === 202) {
            accepted += 1;
            // Free the name again so later runs are not all conflicts.
            await t.app.inject({
              method: 'DELETE',
              url: response.headers.location as string,
              headers: { authorization: `Bearer ${token}` },
            });
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('login: any form or JSON body answers {code, message} or a token', async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constant('alice'),
      fc.constant('alice-password'),
      fc.integer(),
      fc.jsonValue(),
    );
    const body = fc.dictionary(
      fc.constantFrom('username', 'password', 'expiration', 'extra', '__proto__', 'constructor'),
      field,
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), fc.ipV4(), async (fields, asForm, address) => {
        const payload = asForm
          ? new URLSearchParams(
              Object.entries(fields).map(([key, value]) => [
                key,
                typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
              ]),
            ).toString()
          : JSON.stringify(fields);
        const contentTypeHeader = asForm ? 'application/x-www-form-urlencoded' : 'application/json';
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/token',
          payload,
          headers: { 'content-type': contentTypeHeader },
          remoteAddress: address,
        });
        expectErrorEnvelope(response.statusCode, response.body);
        if (response.statusCode === 200)
          expect(response.json()).toMatchObject({ user: 'alice', token: expect.any(String) });
      }),
      { numRuns: 300 },
    );
  });

  it('list: any query answers {code, message} or a list', async () => {
    const name = fc.constantFrom(
      'offset',
      'limit',
      'withTotalCount',
      'username',
      'state',
      'vc',
      'keyword',
      'order',
      'legacy',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, fc.string({ maxLength: 10 })), { maxLength: 5 }),
        async (pairs) => {
          const response = await t.app.inject({
            url: `/api/v1/jobs?${new URLSearchParams(pairs).toString()}`,
            headers: { authorization: `Bearer ${token}` },
          });
          expectErrorEnvelope(response.statusCode, response.body);
        },
      ),
      { numRuns: 200 },
    );
  });
});
