import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

const json = { 'content-type': 'application/json' };
const config = (extra: Record<string, unknown> = {}, role: Record<string, unknown> = {}) => ({
  jobName: 'bounded',
  image: 'busybox',
  taskRoles: [{ name: 'main', command: 'true', ...role }],
  ...extra,
});

/** Names, integers, nesting and reserved keys are checked at the boundary (400 naming the field). */
describe('bounded input', () => {
  let t: TestApp;
  let alice: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    alice = apiClient(t.app, await t.addUser('alice'));
    admin = apiClient(t.app, await t.login('admin', 'admin-password'));
  });
  afterAll(() => t.close());

  const submitText = (text: string) => alice('POST', '/api/v1/user/alice/jobs', text, json);
  const submit = (body: unknown) => submitText(JSON.stringify(body));
  const expect400 = async (response: Promise<{ status: number; body: unknown }>, field: string) => {
    const { status, body } = await response;
    expect(status, JSON.stringify(body)).toBe(400);
    expect(body).toMatchObject({ code: 'InvalidParametersError' });
    expect((body as { message: string }).message).toContain(field);
  };

  it('limits names: job 63, task role 63, port label 63, env and extras names 255, user 64', async () => {
    const long = (n: number) => 'a'.repeat(n);
    await expect400(submit(config({ jobName: long(64) })), 'jobName');
    await expect400(submit(config({}, { name: long(64) })), 'taskRoles[0].name');
    await expect400(
      submit(config({}, { portList: [{ label: long(64), portNumber: 1 }] })),
      'taskRoles[0].portList[0].label',
    );
    await expect400(submit(config({ jobEnvs: { [long(256)]: 'x' } })), 'jobEnvs');
    await expect400(submit(config({ extras: { [long(256)]: 'x' } })), 'extras');
    await expect400(
      alice('PUT', `/api/v1/user/alice/jobs/${long(64)}`, JSON.stringify(config()), json),
      'job name',
    );
    await expect400(
      admin('POST', '/api/v2/user', { username: long(65), password: 'secret-pw' }),
      'username',
    );
    const accepted = await submit(
      config(
        { jobName: long(63), jobEnvs: { [long(255)]: 'x' } },
        { name: long(63), portList: [{ label: long(63), portNumber: 1 }] },
      ),
    );
    expect(accepted.status, accepted.text).toBe(202);
  });

  it('refuses reserved names (__proto__, constructor, prototype) wherever a name becomes a key', async () => {
    await expect400(submit(config({}, { name: '__proto__' })), 'taskRoles[0].name');
    await expect400(submit(config({}, { name: 'constructor' })), 'taskRoles[0].name');
    await expect400(
      submit(config({}, { portList: [{ label: 'prototype' }] })),
      'taskRoles[0].portList[0].label',
    );
    await expect400(submit(config({ jobName: 'constructor' })), 'jobName');
    await expect400(submitText('{"jobName":"x","__proto__":{"admin":true}}'), '__proto__');
    await expect400(
      submitText(
        JSON.stringify(config()).replace('"jobName"', '"jobEnvs":{"__proto__":1},"jobName"'),
      ),
      'jobEnvs.__proto__',
    );
    await expect400(submit(config({ extras: { constructor: 1 } })), 'extras.constructor');
  });

  it('bounds virtual-cluster names: 63 characters, no reserved key', async () => {
    const vc = (name: string) => `/api/v1/virtual-clusters/${name}`;
    for (const name of ['v'.repeat(64), '__proto__', 'constructor', 'prototype']) {
      await expect400(admin('PUT', vc(name), { vcCapacity: 1 }), 'vcName');
      await expect400(admin('DELETE', vc(name)), 'vcName');
      await expect400(admin('PUT', `${vc(name)}/status`, { vcStatus: 'stopped' }), 'vcName');
    }
    const created = await admin('PUT', vc('v'.repeat(63)), { vcCapacity: 1 });
    expect(created.status, created.text).toBe(201);
    const listed = await admin('GET', '/api/v1/virtual-clusters');
    expect(Object.keys(listed.body as object)).toContain('v'.repeat(63));
    expect(Object.keys(listed.body as object)).not.toContain('__proto__');
  });

  it('refuses integers outside the safe range, as numbers or as digits', async () => {
    await expect400(
      submitText(JSON.stringify(config()).replace('"command"', '"taskNumber":1e20,"command"')),
      'taskRoles[0].taskNumber',
    );
    await expect400(
      submit(config({}, { cpuNumber: '99999999999999999999' })),
      'taskRoles[0].cpuNumber',
    );
    await expect400(submit(config({ retryCount: -(2 ** 60) })), 'retryCount');
  });

  it('refuses deep nesting (a config whose extras nests 3,000 levels)', async () => {
    const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    await expect400(
      submitText(JSON.stringify(config()).replace('"jobName"', `"extras":${deep},"jobName"`)),
      'nests deeper than 32 levels',
    );
    const deepArray = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    await expect400(submitText(deepArray), 'nests deeper');
  });

  it('bounds limit and offset of the job list', async () => {
    for (const query of [
      'limit=99999999999999999999',
      'offset=99999999999999999999',
      'limit=50001',
      'limit=0',
      'offset=-1',
    ]) {
      await expect400(alice('GET', `/api/v1/jobs?${query}`), query.split('=')[0]!);
    }
    expect((await alice('GET', '/api/v1/jobs?limit=50000&offset=9007199254740991')).status).toBe(
      200,
    );
  });
});
