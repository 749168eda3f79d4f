import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

const json = { 'content-type': 'application/json' };
const job = (jobName: string) =>
  JSON.stringify({ jobName, image: 'busybox', taskRoles: [{ name: 'main', command: 'true' }] });

describe('job control routes (no runtime: jobs stay WAITING)', () => {
  let t: TestApp;
  let alice: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    alice = apiClient(t.app, await t.addUser('alice'));
    const roles = [
      { name: 'a', command: 'x', taskNumber: 2 },
      { name: 'b', command: 'y', taskNumber: 2 },
    ];
    const second = JSON.stringify({ jobName: 'second', image: 'busybox', taskRoles: roles });
    expect((await alice('POST', '/api/v1/user/alice/jobs', second, json)).status).toBe(202);
    expect((await alice('POST', '/api/v1/user/alice/jobs', job('third'), json)).status).toBe(202);
  });
  afterAll(() => t.close());

  it('builds taskRoles from the task rows, in config order', async () => {
    const { id } = t.db
      .prepare("SELECT id FROM jobs WHERE framework_name = 'alice~second'")
      .get() as { id: number };
    const insert = t.db.prepare(
      `INSERT INTO tasks (job_id, task_role, task_index, state, container_id, container_ip, container_ports, container_gpus, container_exit_code)
       VALUES (?, ?, ?, ?, ?, '127.0.0.1', ?, ?, ?)`,
    );
    insert.run(id, 'b', 0, 'RUNNING', 'c-b-0', '{"ssh":"2222","http":"8080"}', null, null);
    insert.run(id, 'a', 1, 'SUCCEEDED', 'c-a-1', '{}', 6, 0);
    insert.run(id, 'a', 0, 'FAILED', 'c-a-0', null, 1, 3);
    t.db
      .prepare(
        "INSERT INTO tasks (job_id, task_role, task_index, state) VALUES (?, 'b', 1, 'WAITING')",
      )
      .run(id);
    const detail = (await alice('GET', '/api/v1/jobs/alice~second')).body as JobDetail;
    expect(Object.keys(detail.taskRoles)).toEqual(['a', 'b']);
    expect(detail.taskRoles.a!.taskRoleStatus).toEqual({ name: 'a' });
    expect(detail.taskRoles.a!.taskStatuses).toEqual([
      {
        taskIndex: 0,
        taskState: 'FAILED',
        containerId: 'c-a-0',
        containerIp: '127.0.0.1',
        containerPorts: null,
        containerGpus: 1,
        containerLog: 'http://127.0.0.1:9186/api/v1/user/alice/jobs/second/tasks/a/0/logs/stdout',
        containerExitCode: 3,
      },
      {
        taskIndex: 1,
        taskState: 'SUCCEEDED',
        containerId: 'c-a-1',
        containerIp: '127.0.0.1',
        containerPorts: {},
        containerGpus: 6,
        containerLog: 'http://127.0.0.1:9186/api/v1/user/alice/jobs/second/tasks/a/1/logs/stdout',
        containerExitCode: 0,
      },
    ]);
    expect(detail.taskRoles.b!.taskStatuses[0]!.containerPorts).toEqual({
      ssh: '2222',
      http: '8080',
    });
    expect(detail.taskRoles.b!.taskStatuses[1]).toMatchObject({
      taskState: 'WAITING',
      containerLog: null,
    });
  });

  it('answers SSH info with NoJobSshInfoError when no runtime provides it', async () => {
    expect(await alice('GET', '/api/v1/user/alice/jobs/second/ssh')).toMatchObject({
      status: 404,
      body: { code: 'NoJobSshInfoError', message: 'SSH info of job second is not found.' },
    });
  });
  it('accepts only START and STOP as execution type', async () => {
    for (const payload of [{ value: 'PAUSE' }, {}, { value: 'STOP', extra: 1 }, 'STOP']) {
      const response = await alice(
        'PUT',
        '/api/v1/user/alice/jobs/third/executionType',
        JSON.stringify(payload),
        json,
      );
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body).toMatchObject({ code: 'InvalidParametersError' });
    }
    const start = await alice('PUT', '/api/v1/user/alice/jobs/third/executionType', {
      value: 'START',
    });
    expect(start).toMatchObject({
      status: 202,
      body: { message: 'execute job third successfully' },
    });
  });

  it('stops a job, then refuses to start it again', async () => {
    const stop = await alice('PUT', '/api/v1/jobs/alice~third/executionType', { value: 'STOP' });
    expect(stop).toMatchObject({
      status: 202,
      body: { message: 'execute job alice~third successfully' },
    });
    expect((await alice('GET', '/api/v1/user/alice/jobs/third')).body).toMatchObject({
      jobStatus: { executionType: 'STOP' },
    });
    const start = await alice('PUT', '/api/v1/user/alice/jobs/third/executionType', {
      value: 'START',
    });
    expect(start).toMatchObject({
      status: 400,
      body: {
        code: 'InvalidParametersError',
        message: 'Job third was stopped and cannot be started again; submit it again instead.',
      },
    });
  });

  it('deletes a job and its task rows', async () => {
    const { id } = t.db
      .prepare("SELECT id FROM jobs WHERE framework_name = 'alice~second'")
      .get() as { id: number };
    const response = await alice('DELETE', '/api/v1/user/alice/jobs/second');
    expect(response).toMatchObject({
      status: 202,
      body: { message: 'deleted job second successfully' },
    });
    expect((await alice('GET', '/api/v1/user/alice/jobs/second')).status).toBe(404);
    expect(t.db.prepare('SELECT count(*) AS n FROM tasks WHERE job_id = ?').get(id)).toEqual({
      n: 0,
    });
    expect((await alice('DELETE', '/api/v1/user/alice/jobs/second')).body).toMatchObject({
      code: 'NoJobError',
    });
  });

  it('answers 404 NoJobError on every route of a missing job', async () => {
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/config'],
      ['GET', '/ssh'],
      ['PUT', '/executionType'],
      ['DELETE', ''],
    ] as const) {
      const response = await alice(
        method,
        `/api/v1/user/alice/jobs/missing${suffix}`,
        method === 'PUT' ? { value: 'STOP' } : undefined,
      );
      expect(response.body, `${method} ${suffix}`).toEqual({
        code: 'NoJobError',
        message: 'Job missing is not found.',
      });
    }
  });
});
