import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_SECRET_FILE } from '../services.ts';
import { TokenStore, tokenId } from '../store/tokens.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('login and tokens', () => {
  let t: TestApp;
  let aliceToken: string;
  const anonymous = () => apiClient(t.app);

  beforeAll(async () => {
    t = await createTestApp({ env: { PAI_TOKEN_TTL: '2d' } });
    aliceToken = await t.addUser('alice');
    await t.addUser('bob');
  });
  afterAll(() => t.close());

  it.each(['/api/v1/token', '/api/v1/authn/basic/login'])(
    '%s signs in with a form or a JSON body',
    async (url) => {
      const api = anonymous();
      const viaForm = await api('POST', url, 'username=alice&password=alice-password', form);
      expect(viaForm.status).toBe(200);
      expect(viaForm.body).toEqual({ user: 'alice', token: expect.any(String), admin: false });
      const viaJson = await api('POST', url, {
        username: 'admin',
        password: 'admin-password',
        expiration: 604800,
      });
      expect(viaJson.body).toMatchObject({ user: 'admin', admin: true });
    },
  );

  it('issues JWTs with username, application, iat and exp, honouring expiration up to PAI_TOKEN_TTL', async () => {
    const api = anonymous();
    const short = await api(
      'POST',
      '/api/v1/token',
      'username=alice&password=alice-password&expiration=120',
      form,
    );
    const claims = decodeJwt((short.body as { token: string }).token);
    expect(claims).toMatchObject({ username: 'alice', application: false });
    expect(claims.exp! - claims.iat!).toBe(120);
    const long = await api('POST', '/api/v1/token', {
      username: 'alice',
      password: 'alice-password',
      expiration: 604800,
    });
    const longClaims = decodeJwt((long.body as { token: string }).token);
    expect(longClaims.exp! - longClaims.iat!).toBe(2 * 86400);
  });

  it.each([
    [
      { username: 'nobody', password: 'whatever' },
      400,
      'IncorrectPasswordError',
      'User name or password is incorrect.',
    ],
    [
      { username: 'alice', password: 'wrong-password' },
      400,
      'IncorrectPasswordError',
      'User name or password is incorrect.',
    ],
    [{ username: 'alice' }, 400, 'InvalidParametersError', 'password is required'],
    [
      { username: 'alice', password: '12345' },
      400,
      'InvalidParametersError',
      'password must be at least 6 characters long',
    ],
    [
      { username: 'a b', password: 'alice-password' },
      400,
      'InvalidParametersError',
      'username must match ^[\\w.-]+$',
    ],
    [
      { username: 'alice', password: 'alice-password', expiration: 59 },
      400,
      'InvalidParametersError',
      'expiration must be >= 60',
    ],
    [
      { username: 'alice', password: 'alice-password', expiration: 604801 },
      400,
      'InvalidParametersError',
      'expiration must be <= 604800',
    ],
    [
      { username: 'alice', password: 'alice-password', hasGitHubPAT: true },
      400,
      'InvalidParametersError',
      'hasGitHubPAT is not allowed (unknown field)',
    ],
  ])('rejects %j', async (payload, status, code, message) => {
    const response = await anonymous()('POST', '/api/v1/token', payload, {
      'x-forwarded-for': '10.9.9.9',
    });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, message });
  });

  it('answers malformed bodies with InvalidParametersError', async () => {
    const api = anonymous();
    const broken = await api('POST', '/api/v1/token', '{"username":', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'InvalidParametersError' });
    const xml = await api('POST', '/api/v1/token', '<user/>', {
      'content-type': 'application/xml',
    });
    expect(xml.status).toBe(400);
    expect(xml.body).toMatchObject({ code: 'InvalidParametersError' });
    const repeated = await api(
      'POST',
      '/api/v1/token',
      'username=a&username=b&password=123456',
      form,
    );
    expect(repeated.body).toMatchObject({
      code: 'InvalidParametersError',
      message: 'username must be a string',
    });
  });

  it('lists, creates and revokes tokens', async () => {
    const token = await t.login('bob', 'bob-password');
    const api = apiClient(t.app, token);
    const listed = await api('GET', '/api/v1/token');
    expect(listed.status).toBe(200);
    // Ids (SHA-256), never the tokens: the server keeps none in clear.
    expect((listed.body as { tokens: string[] }).tokens).toContain(tokenId(token));
    expect(listed.text).not.toContain(token);

    const created = await api('POST', '/api/v1/token/application');
    expect(created.body).toEqual({ token: expect.any(String), application: true });
    const application = (created.body as { token: string }).token;
    expect(decodeJwt(application)).toMatchObject({ username: 'bob', application: true });
    expect(decodeJwt(application).exp).toBeUndefined();

    const revoked = await api('DELETE', `/api/v1/token/${application}`);
    expect(revoked).toMatchObject({ status: 200, body: { message: 'revoke successfully' } });
    expect((await apiClient(t.app, application)('GET', '/api/v1/jobs')).status).toBe(401);
    expect(((await api('GET', '/api/v1/token')).body as { tokens: string[] }).tokens).not.toContain(
      tokenId(application),
    );
    const second = ((await api('POST', '/api/v1/token/application')).body as { token: string })
      .token;
    expect((await api('DELETE', `/api/v1/token/${tokenId(second)}`)).status).toBe(200);
    expect((await apiClient(t.app, second)('GET', '/api/v1/jobs')).status).toBe(401);
  });

  it("answers revoking another user's token like an unknown one, and keeps it", async () => {
    const bob = apiClient(t.app, await t.login('bob', 'bob-password'));
    const others = await bob('DELETE', `/api/v1/token/${aliceToken}`);
    const othersById = await bob('DELETE', `/api/v1/token/${tokenId(aliceToken)}`);
    const unknown = await bob('DELETE', '/api/v1/token/no.such.token');
    for (const response of [others, othersById])
      expect([response.status, response.text]).toEqual([unknown.status, unknown.text]);
    expect((await apiClient(t.app, aliceToken)('GET', '/api/v1/jobs')).status).toBe(200);
  });

  it('accepts application tokens as Bearer or Basic on job routes, but not on token routes', async () => {
    const bob = await t.login('bob', 'bob-password');
    const application = (
      (await apiClient(t.app, bob)('POST', '/api/v1/token/application')).body as { token: string }
    ).token;
    expect((await apiClient(t.app, application)('GET', '/api/v1/jobs')).status).toBe(200);
    const basic = (user: string) => ({
      authorization: `Basic ${Buffer.from(`${user}:${application}`).toString('base64')}`,
    });
    expect((await anonymous()('GET', '/api/v1/jobs', undefined, basic('bob'))).status).toBe(200);
    expect((await anonymous()('GET', '/api/v1/jobs', undefined, basic('alice'))).status).toBe(401);
    const basicWithSession = {
      authorization: `Basic ${Buffer.from(`bob:${bob}`).toString('base64')}`,
    };
    expect((await anonymous()('GET', '/api/v1/jobs', undefined, basicWithSession)).status).toBe(
      401,
    );
    for (const [method, url] of [
      ['GET', '/api/v1/token'],
      ['POST', '/api/v1/token/application'],
    ] as const) {
      const response = await apiClient(t.app, application)(method, url);
      expect(response).toMatchObject({ status: 403, body: { code: 'ForbiddenUserError' } });
    }
  });

  it('logs out by revoking the presented token', async () => {
    const token = await t.login('alice', 'alice-password');
    const api = apiClient(t.app, token);
    expect(await api('DELETE', '/api/v1/authn/basic/logout')).toMatchObject({
      status: 200,
      body: { message: 'Logout successfully' },
    });
    expect((await api('GET', '/api/v1/jobs')).body).toEqual({
      code: 'UnauthorizedUserError',
      message: 'Your token is invalid.',
    });
  });

  it('rejects missing, malformed, forged, unknown and expired tokens with 401', async () => {
    const secret = new TextEncoder().encode(
      readFileSync(join(t.dataDir, JWT_SECRET_FILE), 'utf8').trim(),
    );
    const sign = (claims: Record<string, unknown>, key = secret) =>
      new SignJWT({ username: 'alice', application: false, ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(key);
    const now = Math.floor(Date.now() / 1000);
    const expired = await sign({ iat: now - 7200, exp: now - 3600 });
    new TokenStore(t.db).add({
      token: expired,
      username: 'alice',
      application: false,
      expiresTime: (now - 3600) * 1000,
    });
    const notStored = await sign({ iat: now, exp: now + 3600 });
    const forged = await sign(
      { iat: now, exp: now + 3600 },
      new TextEncoder().encode('x'.repeat(48)),
    );

    const guest = await anonymous()('GET', '/api/v1/jobs');
    expect(guest).toMatchObject({
      status: 401,
      body: {
        code: 'UnauthorizedUserError',
        message: 'Guest is not allowed to do this operation.',
      },
    });
    for (const header of [
      'Bearer',
      'Bearer x.y.z',
      'Token abc',
      `Bearer ${expired}`,
      `Bearer ${notStored}`,
      `Bearer ${forged}`,
      'Basic !!!',
    ]) {
      const response = await anonymous()('GET', '/api/v1/jobs', undefined, {
        authorization: header,
      });
      expect(response, header).toMatchObject({
        status: 401,
        body: { code: 'UnauthorizedUserError' },
      });
    }
  });
});

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.addUser('carol');
  });
  afterAll(() => t.close());

  const attempt = (password: string, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/token',
      payload: { username: 'carol', password },
      remoteAddress,
    });

  it('pauses sign-in for one user from one address after repeated failures', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('wrong-password', '10.0.0.1')).statusCode).toBe(400);
    const paused = await attempt('carol-password', '10.0.0.1');
    expect(paused.statusCode).toBe(429);
    expect(paused.json()).toEqual({
      code: 'TooManyRequestsError',
      message: 'Too many failed sign-ins for carol from this address; try again in 30 seconds.',
    });
    expect(paused.headers['retry-after']).toBe('30');
    expect((await attempt('carol-password', '10.0.0.2')).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/token',
          payload: { username: 'admin', password: 'admin-password' },
          remoteAddress: '10.0.0.1',
        })
      ).statusCode,
    ).toBe(200);
  });
});
