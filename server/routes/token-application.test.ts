import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationTokenList } from '../../contract/api-types.ts';
import { tokenId } from '../store/tokens.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';

describe('application tokens: name, list, revoke (docs/api.md §3.5)', () => {
  let t: TestApp;
  let ada: string;
  let ben: string;
  beforeAll(async () => {
    t = await createTestApp();
    ada = await t.addUser('ada');
    ben = await t.addUser('ben');
  });
  afterAll(() => t.close());

  const list = async (token: string) =>
    (await apiClient(t.app, token)('GET', '/api/v1/token/application'))
      .body as ApplicationTokenList;

  it('lists only the caller’s own application tokens, with name and times, and never a token', async () => {
    const before = Date.now();
    const created = await apiClient(t.app, ada)('POST', '/api/v1/token/application', {
      name: '  nightly sync  ',
      expiration: 3600,
    });
    expect(created.status).toBe(200);
    const token = (created.body as { token: string }).token;
    await apiClient(t.app, ada)('POST', '/api/v1/token/application', {});
    await apiClient(t.app, ben)('POST', '/api/v1/token/application', { name: 'ben’s' });

    const listed = await list(ada);
    expect(listed.tokens).toHaveLength(2);
    const [named, unnamed] = listed.tokens;
    expect(named).toEqual({
      id: tokenId(token),
      name: 'nightly sync',
      createdTime: expect.any(Number),
      expiresTime: expect.any(Number),
    });
    expect(named!.createdTime).toBeGreaterThanOrEqual(before);
    expect(named!.expiresTime! - named!.createdTime).toBeGreaterThan(3_590_000);
    expect(unnamed).toMatchObject({ name: '', expiresTime: null });
    // Sign-in tokens are not application tokens and are not listed.
    expect(listed.tokens.map((item) => item.id)).not.toContain(tokenId(ada));
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await list(ben)).tokens.map((item) => item.name)).toEqual(['ben’s']);
  });

  it('revokes by id; another user’s id answers the same and changes nothing', async () => {
    const [first] = (await list(ada)).tokens;
    const asBen = await apiClient(t.app, ben)('DELETE', `/api/v1/token/${first!.id}`);
    expect(asBen.status).toBe(200);
    expect((await list(ada)).tokens.map((item) => item.id)).toContain(first!.id);
    const asAda = await apiClient(t.app, ada)('DELETE', `/api/v1/token/${first!.id}`);
    expect(asAda.status).toBe(200);
    expect((await list(ada)).tokens.map((item) => item.id)).not.toContain(first!.id);
  });

  it('an application token survives signing out of the session that made it', async () => {
    const session = await t.login('ada', 'ada-password');
    const made = await apiClient(t.app, session)('POST', '/api/v1/token/application', {
      name: 'script',
    });
    const application = (made.body as { token: string }).token;
    await apiClient(t.app, session)('DELETE', '/api/v1/authn/basic/logout');
    expect((await apiClient(t.app, application)('GET', '/api/v1/jobs')).status).toBe(200);
    expect((await apiClient(t.app, session)('GET', '/api/v1/jobs')).status).toBe(401);
  });

  it('refuses guests (401) and application tokens (403) on the list', async () => {
    expect(await apiClient(t.app)('GET', '/api/v1/token/application')).toMatchObject({
      status: 401,
      body: { code: 'UnauthorizedUserError' },
    });
    const application = (
      (await apiClient(t.app, ben)('POST', '/api/v1/token/application')).body as { token: string }
    ).token;
    expect(await apiClient(t.app, application)('GET', '/api/v1/token/application')).toMatchObject({
      status: 403,
      body: { code: 'ForbiddenUserError' },
    });
  });

  it.each([
    [{ name: 'x'.repeat(65) }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: 'line\nbreak' }, 'name'],
    [{ label: 'unknown key' }, 'label'],
  ])('refuses a bad body %j with 400 InvalidParametersError naming %s', async (body, field) => {
    const answer = await apiClient(t.app, ben)('POST', '/api/v1/token/application', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'InvalidParametersError' });
    expect((answer.body as { message: string }).message).toContain(field);
  });
});
