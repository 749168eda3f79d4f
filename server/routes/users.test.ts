import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

describe('user management', () => {
  let t: TestApp;
  let admin: ApiClient;
  let alice: ApiClient;
  const anonymous = () => apiClient(t.app);

  beforeAll(async () => {
    t = await createTestApp();
    admin = apiClient(t.app, await t.login('admin', 'admin-password'));
    alice = apiClient(t.app, await t.addUser('alice'));
  });
  afterAll(() => t.close());

  it('lets an admin create users, who then sign in and get the default virtual cluster', async () => {
    const created = await admin('POST', '/api/v2/user', {
      username: 'dave',
      password: 'dave-password',
      email: 'dave@example.org',
    });
    expect(created).toMatchObject({
      status: 201,
      body: { message: 'User is created successfully' },
    });
    const token = await t.login('dave', 'dave-password');
    expect((await apiClient(t.app, token)('GET', '/api/v2/user/dave')).body).toEqual({
      username: 'dave',
      email: 'dave@example.org',
      grouplist: ['default'],
      extension: {},
      admin: false,
      virtualCluster: ['default'],
      storageConfig: [],
    });
    const stored = t.db
      .prepare("SELECT password_hash FROM users WHERE username = 'dave'")
      .get() as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored.password_hash).not.toContain('dave-password');
  });

  it('salts each password', async () => {
    await admin('POST', '/api/v2/user', { username: 'twin1', password: 'same-password' });
    await admin('POST', '/api/v2/user', { username: 'twin2', password: 'same-password' });
    const hashes = t.db
      .prepare("SELECT password_hash FROM users WHERE username LIKE 'twin%'")
      .all() as { password_hash: string }[];
    expect(hashes[0]!.password_hash).not.toBe(hashes[1]!.password_hash);
  });

  it.each([
    [
      { username: 'alice', password: 'another-one' },
      409,
      'ConflictUserError',
      'User alice already exists.',
    ],
    [
      { username: 'x y', password: 'password' },
      400,
      'InvalidParametersError',
      'username must match ^[\\w.-]+$',
    ],
    [
      { username: 'erin', password: 'short' },
      400,
      'InvalidParametersError',
      'password must be at least 6 characters long',
    ],
    [
      { username: 'erin', password: 'password', virtualCluster: ['nowhere'] },
      400,
      'NoVirtualClusterError',
      'Try to update nonexist: nowhere',
    ],
    [
      { username: 'erin', password: 'password', role: 'x' },
      400,
      'InvalidParametersError',
      'role is not allowed (unknown field)',
    ],
  ])('rejects creating %j', async (payload, status, code, message) => {
    expect(await admin('POST', '/api/v2/user', payload)).toMatchObject({
      status,
      body: { code, message },
    });
  });

  it('keeps user management to admins, except reading and changing oneself', async () => {
    const forbidden = { status: 403, body: { code: 'ForbiddenUserError' } };
    expect(
      await alice('POST', '/api/v2/user', { username: 'mallory', password: 'password' }),
    ).toMatchObject(forbidden);
    expect(await alice('GET', '/api/v2/user')).toMatchObject(forbidden);
    expect(await alice('GET', '/api/v2/user/admin')).toMatchObject(forbidden);
    expect(
      await alice('PUT', '/api/v2/user/alice/virtualcluster', { virtualCluster: ['research'] }),
    ).toMatchObject(forbidden);
    expect(
      await alice('PUT', '/api/v2/user/admin/password', { newPassword: 'taken-over' }),
    ).toMatchObject(forbidden);
    expect(await alice('DELETE', '/api/v2/user/dave')).toMatchObject(forbidden);
    expect((await alice('GET', '/api/v1/user/alice')).body).toMatchObject({
      username: 'alice',
      admin: false,
    });
    expect((await anonymous()('GET', '/api/v2/user/alice')).status).toBe(401);
  });

  it('lists users for admins, never with password hashes', async () => {
    const response = await admin('GET', '/api/v2/user');
    expect(response.status).toBe(200);
    expect((response.body as { username: string }[]).map((user) => user.username)).toEqual(
      expect.arrayContaining(['admin', 'alice', 'dave']),
    );
    expect(response.text).not.toContain('scrypt');
    expect(
      (response.body as { username: string; virtualCluster: string[] }[]).find(
        (u) => u.username === 'admin',
      ),
    ).toMatchObject({
      admin: true,
      virtualCluster: ['default', 'research'],
    });
  });

  it('answers an unknown user with NoUserError: 400 to read, 404 to change (as OpenPAI)', async () => {
    const noUser = {
      status: 400,
      body: { code: 'NoUserError', message: 'User nobody is not found.' },
    };
    expect(await admin('GET', '/api/v2/user/nobody')).toMatchObject(noUser);
    expect(await admin('GET', '/api/v1/user/nobody')).toMatchObject(noUser);
    const noUserToChange = {
      status: 404,
      body: { code: 'NoUserError', message: 'User nobody not found.' },
    };
    expect(
      await admin('PUT', '/api/v2/user/nobody/password', { newPassword: 'whatever' }),
    ).toMatchObject(noUserToChange);
    expect(
      await admin('PUT', '/api/v2/user/nobody/virtualcluster', { virtualCluster: [] }),
    ).toMatchObject(noUserToChange);
    expect(await admin('DELETE', '/api/v2/user/nobody')).toMatchObject(noUserToChange);
  });

  it('changes passwords: users with the old one, admins without; other sessions end', async () => {
    const first = apiClient(t.app, await t.login('dave', 'dave-password'));
    const second = await t.login('dave', 'dave-password');
    const wrong = await first('PUT', '/api/v2/user/dave/password', {
      oldPassword: 'nope-nope',
      newPassword: 'dave-new-password',
    });
    const wrongOldPassword = {
      status: 403,
      body: { code: 'ForbiddenUserError', message: 'Pls input the correct password.' },
    };
    expect(wrong).toMatchObject(wrongOldPassword);
    const missing = await first('PUT', '/api/v2/user/dave/password', {
      newPassword: 'dave-new-password',
    });
    expect(missing).toMatchObject(wrongOldPassword);
    const changed = await first('PUT', '/api/v2/user/dave/password', {
      oldPassword: 'dave-password',
      newPassword: 'dave-new-password',
    });
    expect(changed).toMatchObject({
      status: 201,
      body: { message: 'update user password successfully.' },
    });
    expect((await first('GET', '/api/v1/jobs')).status).toBe(200);
    expect((await apiClient(t.app, second)('GET', '/api/v1/jobs')).status).toBe(401);
    await t.login('dave', 'dave-new-password');

    expect(
      (await admin('PUT', '/api/v2/user/dave/password', { newPassword: 'reset-by-admin' })).status,
    ).toBe(201);
    expect((await first('GET', '/api/v1/jobs')).status).toBe(401);
    await t.login('dave', 'reset-by-admin');
  });

  it('grants virtual clusters, which decide where a user may submit', async () => {
    const job = JSON.stringify({
      jobName: 'r1',
      image: 'x',
      virtualCluster: 'research',
      taskRoles: [{ name: 'm', command: 'x' }],
    });
    const json = { 'content-type': 'application/json' };
    expect((await alice('POST', '/api/v1/user/alice/jobs', job, json)).status).toBe(403);
    const granted = await admin('PUT', '/api/v2/user/alice/virtualcluster', {
      virtualCluster: ['default', 'research'],
    });
    expect(granted).toMatchObject({
      status: 201,
      body: { message: 'Update user virtualCluster data successfully.' },
    });
    expect((await alice('POST', '/api/v1/user/alice/jobs', job, json)).status).toBe(202);
    expect(
      await admin('PUT', '/api/v2/user/alice/virtualcluster', { virtualCluster: ['gone'] }),
    ).toMatchObject({
      status: 400,
      body: { code: 'NoVirtualClusterError', message: 'Try to update nonexist: gone' },
    });
    expect(
      await admin('PUT', '/api/v2/user/admin/virtualcluster', { virtualCluster: ['default'] }),
    ).toMatchObject({
      status: 403,
      body: { code: 'ForbiddenUserError', message: "Admin's virtual clusters cannot be updated." },
    });
    expect(
      await admin('PUT', '/api/v2/user/alice/virtualcluster', { virtualCluster: 'default' }),
    ).toMatchObject({
      status: 400,
      body: { code: 'InvalidParametersError', message: 'virtualCluster must be an array' },
    });
  });

  it('deletes users and their tokens, but never an admin', async () => {
    const daveToken = await t.login('dave', 'reset-by-admin');
    expect(await admin('DELETE', '/api/v2/user/dave')).toMatchObject({
      status: 200,
      body: { message: 'user is removed successfully' },
    });
    expect((await apiClient(t.app, daveToken)('GET', '/api/v1/jobs')).status).toBe(401);
    expect(
      (await anonymous()('POST', '/api/v1/token', { username: 'dave', password: 'reset-by-admin' }))
        .body,
    ).toMatchObject({ code: 'IncorrectPasswordError' });
    expect(await admin('DELETE', '/api/v2/user/admin')).toMatchObject({
      status: 403,
      body: { code: 'RemoveAdminError', message: 'Admin admin is not allowed to remove.' },
    });
  });
});
