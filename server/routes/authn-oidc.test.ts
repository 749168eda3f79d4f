import { randomBytes } from 'node:crypto';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type IdentityProvider } from '../../testing/oidc-provider.ts';
import { ProviderUserAgent, signInAtProvider } from '../../testing/oidc-user-agent.ts';
import { startServer, type RunningServer } from '../../testing/server.ts';

const CLIENT_ID = 'pai-portal';
const CLIENT_SECRET = 'pai-portal-test-secret-0123456789';
const PORTAL = 'https://portal.example.org';
const PORTAL_LOGIN = `${PORTAL}/login`;

let idp: IdentityProvider;
let server: RunningServer;

/** The real server in a child process: it trusts the provider's certificate through NODE_EXTRA_CA_CERTS. */
beforeAll(async () => {
  idp = await startIdentityProvider();
  server = await startServer({
    NODE_EXTRA_CA_CERTS: idp.certificateFile,
    PAI_AUTHN_METHOD: 'OIDC',
    PAI_OIDC_AUTHORITY: idp.issuer,
    PAI_OIDC_CLIENT_ID: CLIENT_ID,
    PAI_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    PAI_OIDC_FLOW: 'server',
    PAI_OIDC_ADMIN_USERS: 'dave',
    PAI_OIDC_ADMIN_GROUP: 'pai-admins',
    PAI_OIDC_REDIRECT_ORIGINS: PORTAL,
  });
  const common = { response_types: ['code'], grant_types: ['authorization_code', 'refresh_token'] };
  idp.addClient({
    ...common,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    token_endpoint_auth_method: 'client_secret_post',
    redirect_uris: [`${server.baseURL}/api/v1/authn/oidc/return`, PORTAL_LOGIN],
    post_logout_redirect_uris: [PORTAL_LOGIN],
  });
  idp.addClient({
    ...common,
    client_id: 'other-app',
    token_endpoint_auth_method: 'none',
    redirect_uris: ['https://other.example.org/'],
  });
});

afterAll(async () => {
  await server?.stop();
  await idp?.stop();
});

/** A genuine ID token for this portal's client, from a sign-in at the provider. */
const idTokenOf = async (login: string) =>
  (
    await signInAtProvider(idp, {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: PORTAL_LOGIN,
      login,
    })
  ).idToken;

async function api(
  method: string,
  path: string,
  options: { json?: unknown; form?: Record<string, string>; token?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  const response = await fetch(`${server.baseURL}${path}`, {
    method,
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const exchange = (idToken: string) =>
  api('POST', '/api/v1/authn/oidc/return', { json: { idToken } });

/** A token like the provider's own, differing in what `change` says; signed with `key` (default: the provider's key). */
async function forgedIdToken(
  change: Record<string, unknown>,
  key: CryptoKey = idp.signingKey.privateKey,
) {
  const genuine = decodeJwt(await idTokenOf('alice'));
  return new SignJWT({ ...genuine, nonce: randomBytes(12).toString('base64url'), ...change })
    .setProtectedHeader({ alg: 'RS256', kid: idp.signingKey.kid, typ: 'JWT' })
    .sign(key);
}

describe('POST /api/v1/authn/oidc/return with the portal’s ID token', () => {
  it('creates the user on first sign-in and answers a cluster token that works', async () => {
    const admin = (await exchange(await idTokenOf('carol'))).body;
    expect(
      (await api('GET', '/api/v2/user/alice', { token: admin.token as string })).body,
    ).toMatchObject({ code: 'NoUserError' });

    const answer = await exchange(await idTokenOf('alice'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user: 'alice', admin: false });
    const token = answer.body.token as string;
    expect((await api('GET', '/api/v1/user/alice', { token })).body).toMatchObject({
      username: 'alice',
      email: 'alice@example.org',
      admin: false,
    });
    expect((await api('GET', '/api/v1/jobs', { token })).status).toBe(200);
    const listed = (await api('GET', '/api/v2/user', { token: admin.token as string }))
      .body as unknown as { username: string; lastSignInTime: number | null }[];
    expect(listed.find((user) => user.username === 'alice')?.lastSignInTime).toBeGreaterThan(0);

    const again = await exchange(await idTokenOf('alice'));
    expect(again.body).toMatchObject({ user: 'alice', admin: false });
    expect(again.body.token).not.toBe(token);
  });

  it('takes admin rights from the configured users and group, and the name from upn when there is no preferred_username', async () => {
    expect((await exchange(await idTokenOf('dave'))).body).toMatchObject({
      user: 'dave',
      admin: true,
    });
    expect((await exchange(await idTokenOf('carol'))).body).toMatchObject({
      user: 'carol',
      admin: true,
    });
    expect((await exchange(await idTokenOf('bob'))).body).toMatchObject({
      user: 'bob',
      admin: false,
    });
  });

  it('gives no admin rights for a name alone: the local first admin "admin" is not handed to the provider’s "admin"', async () => {
    const answer = await exchange(await idTokenOf('admin'));
    expect(answer.body).toMatchObject({ user: 'admin', admin: false });
    const me = await api('GET', '/api/v1/user/admin', { token: answer.body.token as string });
    expect(me.body).toMatchObject({ username: 'admin', admin: false });
  });

  it('refuses a claim that gives no valid user name', async () => {
    const answer = await exchange(await idTokenOf('mallory'));
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/preferred_username .*not give a valid user name/);
  });

  it.each([
    [
      'signed by another key',
      async () => forgedIdToken({}, (await generateKeyPair('RS256')).privateKey),
      /\(signature\)/,
    ],
    [
      'with a wrong issuer',
      () => forgedIdToken({ iss: 'https://login.example.org/another-tenant/v2.0' }),
      /\(issuer\).*another-tenant/,
    ],
    [
      'expired',
      () =>
        forgedIdToken({
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      /\(expiry\)/,
    ],
  ])('refuses an ID token %s with 401 naming the check', async (_name, makeToken, message) => {
    const answer = await exchange(await makeToken());
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'UnauthorizedUserError' });
    expect(answer.body.message).toMatch(message);
  });

  it('accepts a token forged only in its nonce, so the refusals above are for their one change', async () => {
    expect((await exchange(await forgedIdToken({}))).status).toBe(200);
  });

  it('refuses an ID token issued for another application (audience)', async () => {
    const other = await signInAtProvider(idp, {
      clientId: 'other-app',
      redirectUri: 'https://other.example.org/',
      login: 'alice',
    });
    const answer = await exchange(other.idToken);
    expect(answer.status).toBe(401);
    expect(answer.body.message).toMatch(/\(audience\).*"other-app"/);
  });

  it('refuses a replayed nonce: the same sign-in exchanged twice', async () => {
    const idToken = await idTokenOf('alice');
    expect((await exchange(idToken)).status).toBe(200);
    const replay = await exchange(idToken);
    expect(replay.status).toBe(401);
    expect(replay.body.message).toMatch(/\(nonce\).*already used/);
  });

  it('refuses a body without an ID token', async () => {
    expect(
      (await api('POST', '/api/v1/authn/oidc/return', { json: { accessToken: 'x' } })).body,
    ).toMatchObject({ code: 'InvalidParametersError' });
  });
});

describe('the server flow (OpenPAI’s steps 1–6)', () => {
  it('redirects to the provider with state, nonce and PKCE, exchanges the form_post answer and sends the token to the portal', async () => {
    const start = await api(
      'GET',
      `/api/v1/authn/oidc/login?redirect_uri=${encodeURIComponent(PORTAL_LOGIN)}&from=${encodeURIComponent('/jobs?state=RUNNING')}`,
    );
    expect(start.status).toBe(302);
    const authorization = new URL(start.headers.get('location')!);
    expect(authorization.origin).toBe(idp.issuer);
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(authorization.searchParams.get(name)).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('response_mode')).toBe('form_post');

    const answer = await new ProviderUserAgent(idp).authorize(authorization.href, 'carol');
    if (answer.kind !== 'form_post')
      throw new Error(`expected a form_post, got ${answer.url.href}`);
    expect(answer.action).toBe(`${server.baseURL}/api/v1/authn/oidc/return`);
    const back = await api('POST', '/api/v1/authn/oidc/return', { form: answer.fields });
    expect(back.status).toBe(302);
    const portal = new URL(back.headers.get('location')!);
    expect(`${portal.origin}${portal.pathname}`).toBe(PORTAL_LOGIN);
    expect(portal.searchParams.get('user')).toBe('carol');
    expect(portal.searchParams.get('admin')).toBe('true');
    expect(portal.searchParams.get('from')).toBe('/jobs?state=RUNNING');
    expect(
      (await api('GET', '/api/v1/user/carol', { token: portal.searchParams.get('token')! })).status,
    ).toBe(200);

    const replay = await api('POST', '/api/v1/authn/oidc/return', { form: answer.fields });
    expect(replay.status).toBe(400);
    expect(replay.body.message).toMatch(/unknown or older than ten minutes/);
  });

  it('refuses a redirect_uri on another origin (OpenPAI had an open redirect there)', async () => {
    for (const target of [
      'https://evil.example.org/login',
      `${server.baseURL}/login`,
      'not a url',
    ]) {
      const answer = await api(
        'GET',
        `/api/v1/authn/oidc/login?redirect_uri=${encodeURIComponent(target)}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'InvalidParametersError' });
      expect(answer.body.message).toMatch(/not on an allowed portal origin/);
    }
    expect(
      (
        await api(
          'GET',
          `/api/v1/authn/oidc/logout?redirect_uri=${encodeURIComponent('https://evil.example.org/')}`,
        )
      ).status,
    ).toBe(400);
  });

  it('signs out at the provider’s end-session endpoint and comes back to the portal', async () => {
    const answer = await api(
      'GET',
      `/api/v1/authn/oidc/logout?redirect_uri=${encodeURIComponent(PORTAL_LOGIN)}`,
    );
    expect(answer.status).toBe(302);
    const endSession = new URL(answer.headers.get('location')!);
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(PORTAL_LOGIN);
    expect(endSession.searchParams.get('client_id')).toBe(CLIENT_ID);
  });
});

describe('OIDC mode elsewhere', () => {
  it('answers the password routes with a clear error, not a 404', async () => {
    for (const path of ['/api/v1/token', '/api/v1/authn/basic/login']) {
      const answer = await api('POST', path, {
        json: { username: 'admin', password: 'admin-password-e2e' },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.message).toMatch(/Password sign-in is turned off.*Azure AD/);
    }
  });

  it('gives the portal the Azure AD settings in config.json, never the client secret, and lets MSAL reach the authority', async () => {
    const response = await fetch(`${server.baseURL}/config.json`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      restServerUri: '',
      authnMethod: 'OIDC',
      authnFlow: 'server',
      clientId: CLIENT_ID,
      authority: idp.issuer,
      scopes: ['openid', 'profile', 'email'],
      knownAuthorities: [new URL(idp.issuer).host],
      protocolMode: 'OIDC',
    });
    expect(text).not.toContain(CLIENT_SECRET);
    expect(response.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ${idp.issuer};`,
    );
    expect(await (await fetch(`${server.baseURL}/api/v1/authn/info`)).json()).toEqual({
      authn_type: 'OIDC',
      loginURI: '/api/v1/authn/oidc/login',
      loginURIMethod: 'get',
    });
  });
});
