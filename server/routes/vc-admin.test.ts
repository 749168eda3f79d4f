import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualCluster } from '../../contract/api-types.ts';
import { TEST_CLUSTER, createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

/** VC create/update/remove/status (OpenPAI v0.16 routes/vc.js), kept in the server's store. */
describe('virtual clusters changed through the API', () => {
  let t: TestApp;
  let admin: ApiClient;
  let alice: ApiClient;
  // The registry updates the cluster object in place: never hand it the shared TEST_CLUSTER.
  const cluster = () => structuredClone(TEST_CLUSTER);
  const vcs = async () =>
    (await admin('GET', '/api/v1/virtual-clusters')).body as Record<string, VirtualCluster>;

  beforeAll(async () => {
    t = await createTestApp({ cluster: cluster() });
    admin = apiClient(t.app, await t.login('admin', 'admin-password'));
    alice = apiClient(t.app, await t.addUser('alice'));
  });
  afterAll(() => t.close());

  it('creates a VC as a share of default, and updates it', async () => {
    expect(await admin('PUT', '/api/v1/virtual-clusters/team', { vcCapacity: 25 })).toEqual(
      expect.objectContaining({
        status: 201,
        body: { message: 'create vc: team to capacity: 25 successfully' },
      }),
    );
    let all = await vcs();
    expect(Object.keys(all)).toEqual(['default', 'research', 'team']);
    expect(all.team!.resourcesTotal).toEqual({ vCores: 2, memory: 8192, GPUs: 1 });
    expect(all.default!.resourcesTotal).toEqual({ vCores: 6, memory: 24576, GPUs: 3 });
    expect(
      await admin('PUT', '/api/v2/virtual-clusters/team', { vcCapacity: 50, vcMaxCapacity: 60 }),
    ).toMatchObject({
      status: 201,
      body: { message: 'update vc: team to capacity: 50 successfully' },
    });
    all = await vcs();
    expect(all.team!.resourcesTotal).toEqual({ vCores: 4, memory: 16384, GPUs: 2 });
    expect(all.default!.resourcesTotal).toEqual({ vCores: 4, memory: 16384, GPUs: 2 });
  });

  it.each([
    ['a non-admin', 'alice', 'team', { vcCapacity: 1 }, 403, 'ForbiddenUserError'],
    ['default', 'admin', 'default', { vcCapacity: 1 }, 403, 'ForbiddenUserError'],
    ['a malformed name', 'admin', 'a-b', { vcCapacity: 1 }, 400, 'InvalidParametersError'],
    [
      'max below capacity',
      'admin',
      'x',
      { vcCapacity: 5, vcMaxCapacity: 4 },
      400,
      'InvalidParametersError',
    ],
    ['over 100', 'admin', 'x', { vcCapacity: 101 }, 400, 'InvalidParametersError'],
    ['more than default has', 'admin', 'x', { vcCapacity: 51 }, 403, 'NoEnoughQuotaError'],
    ['a configured VC', 'admin', 'research', { vcCapacity: 1 }, 403, 'ReadOnlyVcError'],
    ['the admin group', 'admin', 'admingroup', { vcCapacity: 1 }, 409, 'ConflictVcError'],
  ])('refuses a PUT by %s', async (_case, who, vc, body, status, code) => {
    const client = who === 'admin' ? admin : alice;
    expect(await client('PUT', `/api/v1/virtual-clusters/${vc}`, body)).toMatchObject({
      status,
      body: { code },
    });
  });

  it('stops and starts a VC: a stopped one takes no new jobs', async () => {
    await admin('PUT', '/api/v2/user/alice/virtualcluster', {
      virtualCluster: ['default', 'team'],
    });
    const job = {
      jobName: 'j',
      image: 'x',
      virtualCluster: 'team',
      taskRoles: [{ name: 'm', command: 'x' }],
    };
    expect(
      await alice('PUT', '/api/v1/virtual-clusters/team/status', { vcStatus: 'stopped' }),
    ).toMatchObject({
      status: 403,
      body: {
        code: 'ForbiddenUserError',
        message: 'Non-admin is not allowed to do this operation.',
      },
    });
    expect(
      await admin('PUT', '/api/v1/virtual-clusters/team/status', { vcStatus: 'stopped' }),
    ).toMatchObject({
      status: 201,
      body: { message: 'stop vc team successfully' },
    });
    expect((await vcs()).team!.status).toBe('STOPPED');
    expect(await alice('POST', '/api/v1/user/alice/jobs', job)).toMatchObject({
      status: 403,
      body: {
        code: 'ForbiddenUserError',
        message: 'Virtual cluster team is stopped and takes no new jobs.',
      },
    });
    expect(
      await admin('PUT', '/api/v1/virtual-clusters/team/status', { vcStatus: 'running' }),
    ).toMatchObject({
      status: 201,
      body: { message: 'active vc team successfully' },
    });
    expect(await alice('POST', '/api/v1/user/alice/jobs', job)).toMatchObject({ status: 202 });
    expect(
      await admin('PUT', '/api/v1/virtual-clusters/nope/status', { vcStatus: 'running' }),
    ).toMatchObject({
      status: 404,
      body: { code: 'NoVirtualClusterError', message: "Vc nope not found, can't active" },
    });
    expect(
      await admin('PUT', '/api/v1/virtual-clusters/team/status', { vcStatus: 'paused' }),
    ).toMatchObject({
      status: 400,
      body: { code: 'InvalidParametersError' },
    });
  });

  it('keeps a VC with unfinished jobs (RemoveRunningVcError), then removes it', async () => {
    expect(await admin('DELETE', '/api/v1/virtual-clusters/team')).toMatchObject({
      status: 403,
      body: {
        code: 'RemoveRunningVcError',
        message: "Can't delete vc team, 1 jobs are running, stop them before delete vc",
      },
    });
    expect(await alice('DELETE', '/api/v1/user/alice/jobs/j')).toMatchObject({ status: 202 });
    expect(await alice('DELETE', '/api/v1/virtual-clusters/team')).toMatchObject({ status: 403 });
    expect(await admin('DELETE', '/api/v1/virtual-clusters/research')).toMatchObject({
      status: 403,
      body: { code: 'ReadOnlyVcError' },
    });
    expect(await admin('DELETE', '/api/v1/virtual-clusters/team/')).toMatchObject({
      status: 201,
      body: { message: 'Remove vc: team successfully' },
    });
    expect(Object.keys(await vcs())).toEqual(['default', 'research']);
    expect((await vcs()).default!.resourcesTotal).toEqual({ vCores: 8, memory: 32768, GPUs: 4 });
    expect((await alice('GET', '/api/v1/user/alice')).body).toMatchObject({
      virtualCluster: ['default'],
    });
    expect(await admin('DELETE', '/api/v1/virtual-clusters/team')).toMatchObject({
      status: 404,
      body: { code: 'NoVirtualClusterError', message: "Can't delete a nonexistent vc team" },
    });
  });

  it('changes no VC where the runtime owns them (Slurm partitions)', async () => {
    const fixed = await createTestApp({ cluster: { ...cluster(), fixedReason: 'partitions' } });
    const root = apiClient(fixed.app, await fixed.login('admin', 'admin-password'));
    for (const [method, body] of [
      ['PUT', { vcCapacity: 10 }],
      ['DELETE', undefined],
    ] as const) {
      expect(await root(method, '/api/v1/virtual-clusters/team', body)).toMatchObject({
        status: 403,
        body: {
          code: 'ReadOnlyVcError',
          message: `Vc team is read-only (partitions), can't be ${method === 'PUT' ? 'updated' : 'removed'} by rest-api`,
        },
      });
    }
    await fixed.close();
  });

  it('keeps API-made VCs and stopped marks across a restart', async () => {
    await admin('PUT', '/api/v1/virtual-clusters/kept', { vcCapacity: 50 });
    await admin('PUT', '/api/v1/virtual-clusters/research/status', { vcStatus: 'stopped' });
    await t.close({ keepDataDir: true });
    t = await createTestApp({ dataDir: t.dataDir, cluster: cluster() });
    admin = apiClient(t.app, await t.login('admin', 'admin-password'));
    const all = await vcs();
    expect(Object.keys(all)).toEqual(['default', 'research', 'kept']);
    expect(all.kept!.resourcesTotal).toEqual({ vCores: 4, memory: 16384, GPUs: 2 });
    expect(all.default!.resourcesTotal).toEqual({ vCores: 4, memory: 16384, GPUs: 2 });
    expect(all.research!.status).toBe('STOPPED');
  });
});
