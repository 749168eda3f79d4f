import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

/** What OpenPAI v0.16's clients and scripts do that this server refused before (issue 14). */
describe('OpenPAI v0.16 routes and answers', () => {
  let t: TestApp;
  let admin: ApiClient;
  let alice: ApiClient;
  let aliceToken: string;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const job = (jobName: string) => ({
    jobName,
    image: 'x',
    taskRoles: [{ name: 'm', command: 'true' }],
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = apiClient(t.app, await t.login('admin', 'admin-password'));
    aliceToken = await t.addUser('alice');
    alice = apiClient(t.app, aliceToken);
  });
  afterAll(() => t.close());

  it('serves the API under /rest-server, as behind OpenPAI’s proxy', async () => {
    expect(await alice('GET', '/rest-server/api/v1')).toMatchObject({
      status: 200,
      body: { name: 'PAI RESTful API' },
    });
    expect(
      await alice('POST', '/rest-server/api/v1/user/alice/jobs', job('proxied')),
    ).toMatchObject({ status: 202 });
    expect(await alice('GET', '/rest-server/api/v1/user/alice/jobs/proxied')).toMatchObject({
      status: 200,
      body: { name: 'proxied' },
    });
    expect(await alice('GET', '/rest-server/nothing')).toMatchObject({ status: 404 });
  });

  it('tolerates a trailing slash on every route', async () => {
    expect(await alice('GET', '/api/v1/token/')).toMatchObject({ status: 200 });
    expect(await alice('GET', '/api/v1/jobs/')).toMatchObject({ status: 200 });
    expect(await alice('GET', '/api/v1/user/alice/')).toMatchObject({ status: 200 });
    expect(await alice('GET', '/api/v1/virtual-clusters/default/')).toMatchObject({ status: 200 });
    expect(await alice('GET', '/rest-server/api/v1/user/alice/jobs/proxied/')).toMatchObject({
      status: 200,
    });
  });

  it('takes a job config as a form, with nested keys, and keeps it as JSON text', async () => {
    const body = [
      'jobName=formed',
      'image=ubuntu',
      'retryCount=1',
      'taskRoles[0][name]=main',
      'taskRoles[0][taskNumber]=2',
      'taskRoles[0][command]=echo%20hi%20%26%26%20true',
      'taskRoles[0][portList][0][label]=http',
      'taskRoles[0][portList][0][beginAt]=0',
      'taskRoles[0][portList][0][portNumber]=1',
      'jobEnvs[mode]=fast',
    ].join('&');
    const response = await alice('POST', '/api/v1/user/alice/jobs', body, form);
    expect(response).toMatchObject({
      status: 202,
      body: { message: 'update job formed successfully' },
    });
    const config = await alice('GET', '/api/v1/user/alice/jobs/formed/config');
    expect(JSON.parse(config.text)).toEqual({
      jobName: 'formed',
      image: 'ubuntu',
      retryCount: '1',
      taskRoles: [
        {
          name: 'main',
          taskNumber: '2',
          command: 'echo hi && true',
          portList: [{ label: 'http', beginAt: '0', portNumber: '1' }],
        },
      ],
      jobEnvs: { mode: 'fast' },
    });
    const detail = await alice('GET', '/api/v1/user/alice/jobs/formed');
    expect(detail.body).toMatchObject({ jobStatus: { state: 'WAITING' } });
    const put = await alice('PUT', '/api/v1/jobs/alice~formed-too', 'jobName=x&image=y', form);
    expect(put).toMatchObject({ status: 400, body: { code: 'InvalidParametersError' } });
    expect(put.text).toContain('taskRoles');
  });

  it('asks for JSON or a form when the config comes as plain text', async () => {
    const response = await alice('POST', '/api/v1/user/alice/jobs', 'jobName=x', {
      'content-type': 'text/plain',
    });
    expect(response.body).toEqual({
      code: 'InvalidParametersError',
      message:
        'Send the job config as JSON (Content-Type: application/json) or as a form (application/x-www-form-urlencoded).',
    });
  });

  it('serves the job routes under /api/v2/user/:username/jobs too', async () => {
    expect(await alice('POST', '/api/v2/user/alice/jobs', job('v2'))).toMatchObject({
      status: 202,
    });
    const list = await alice('GET', '/api/v2/user/alice/jobs');
    expect((list.body as { name: string }[]).map((item) => item.name)).toContain('v2');
    expect(await alice('GET', '/api/v2/user/alice/jobs/v2')).toMatchObject({
      status: 200,
      body: { name: 'v2', jobStatus: { username: 'alice' } },
    });
    expect(await alice('GET', '/api/v2/user/alice/jobs/v2/config')).toMatchObject({ status: 200 });
    expect(
      await alice('PUT', '/api/v2/user/alice/jobs/v2/executionType', { value: 'STOP' }),
    ).toMatchObject({ status: 202, body: { message: 'execute job v2 successfully' } });
    expect(await alice('DELETE', '/api/v2/user/alice/jobs/v2')).toMatchObject({ status: 202 });
  });

  it('answers a taken name with 409 ConflictJobError before looking at the namespace', async () => {
    await admin('POST', '/api/v1/user/admin/jobs', job('taken'));
    expect(await alice('POST', '/api/v1/user/admin/jobs', job('taken'))).toMatchObject({
      status: 409,
      body: { code: 'ConflictJobError', message: 'Job name taken already exists' },
    });
    expect(await alice('POST', '/api/v1/user/admin/jobs', job('free'))).toMatchObject({
      status: 403,
      body: { code: 'ForbiddenUserError' },
    });
  });

  it('makes users admins and back with PUT /api/v2/user/:username/admin', async () => {
    await t.addUser('bob');
    const bob = apiClient(t.app, await t.login('bob', 'bob-password'));
    expect(await bob('GET', '/api/v2/user')).toMatchObject({ status: 403 });
    expect(await alice('PUT', '/api/v2/user/bob/admin', { admin: true })).toMatchObject({
      status: 403,
      body: { code: 'ForbiddenUserError', message: 'Non-admin is not allow to do this operation.' },
    });
    expect(await admin('PUT', '/api/v2/user/bob/admin', { admin: true })).toMatchObject({
      status: 201,
      body: { message: 'Update user admin permission successfully.' },
    });
    expect(await bob('GET', '/api/v2/user')).toMatchObject({ status: 200 });
    expect(await admin('PUT', '/api/v2/user/bob/admin', { admin: false })).toMatchObject({
      status: 201,
    });
    expect(await bob('GET', '/api/v2/user')).toMatchObject({ status: 403 });
    expect(await admin('PUT', '/api/v2/user/nobody/admin', { admin: true })).toMatchObject({
      status: 404,
      body: { code: 'NoUserError', message: 'User nobody not found.' },
    });
    expect(await admin('PUT', '/api/v2/user/bob/admin', { admin: 'yes' })).toMatchObject({
      status: 400,
      body: { code: 'InvalidParametersError' },
    });
  });

  it('shows groups: the admin group and one per virtual cluster', async () => {
    const groups = await alice('GET', '/api/v2/group');
    expect((groups.body as { groupname: string }[]).map((group) => group.groupname)).toEqual([
      'admingroup',
      'default',
      'research',
    ]);
    expect(await alice('GET', '/api/v2/group/research/')).toMatchObject({
      status: 200,
      body: {
        groupname: 'research',
        extension: { acls: { admin: false, virtualClusters: ['research'] } },
      },
    });
    expect(await alice('GET', '/api/v2/group/nothing')).toMatchObject({
      status: 404,
      body: { code: 'NoGroupError', message: 'Group nothing is not found.' },
    });
    expect(await alice('GET', '/api/v2/group/default/userlist')).toMatchObject({ status: 403 });
    const members = await admin('GET', '/api/v2/group/admingroup/userlist');
    expect(members.body).toEqual([{ username: 'admin', clusterAdmin: true }]);
    expect(await admin('POST', '/api/v2/group', { groupname: 'g' })).toMatchObject({
      status: 501,
      body: { code: 'NotImplementedError' },
    });
  });
});
