import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

const json = { 'content-type': 'application/json' };

describe('a 400 on submit carries its problems as data', () => {
  let t: TestApp;
  let alice: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    alice = apiClient(t.app, await t.addUser('alice'));
  });
  afterAll(() => t.close());

  it('problems [{path, message}] beside OpenPAI’s {code, message}, whose text is unchanged', async () => {
    const config = {
      jobName: 'bad',
      image: 'busybox',
      taskRoles: [{ name: 'm', command: 'x', memoryMB: 10, cpuNumber: 0 }],
    };
    const response = await alice('POST', '/api/v1/user/alice/jobs', JSON.stringify(config), json);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'InvalidParametersError',
      message: 'taskRoles[0].cpuNumber must be >= 1; taskRoles[0].memoryMB must be >= 100',
      problems: [
        { path: 'taskRoles[0].cpuNumber', message: 'taskRoles[0].cpuNumber must be >= 1' },
        { path: 'taskRoles[0].memoryMB', message: 'taskRoles[0].memoryMB must be >= 100' },
      ],
    });
  });

  it('a job bigger than its whole virtual cluster names each resource, at taskRoles', async () => {
    const config = {
      jobName: 'huge',
      image: 'busybox',
      taskRoles: [{ name: 'm', command: 'x', taskNumber: 3, cpuNumber: 3, gpuNumber: 2 }],
    };
    const response = await alice('POST', '/api/v1/user/alice/jobs', JSON.stringify(config), json);
    expect(response.status).toBe(400);
    const vCores =
      'The job needs 9 vCores (all tasks together) but virtual cluster default has 8 vCores in total.';
    const gpus =
      'The job needs 6 GPUs (all tasks together) but virtual cluster default has 4 GPUs in total.';
    expect(response.body).toEqual({
      code: 'InvalidParametersError',
      message: `${vCores}; ${gpus}`,
      problems: [
        { path: 'taskRoles', message: vCores },
        { path: 'taskRoles', message: gpus },
      ],
    });
  });

  it('other refusals keep the plain envelope', async () => {
    const response = await alice('POST', '/api/v1/user/alice/jobs', '{"jobName": ', json);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body as object).sort()).toEqual(['code', 'message']);
  });
});
