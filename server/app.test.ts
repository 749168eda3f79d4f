import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './http/content-security-policy.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { apiClient, type ApiClient } from '../testing/http.ts';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
  "object-src 'none'; form-action 'self'";

describe('app shell', () => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    const portalDir = join(process.env.TMPDIR ?? '/tmp', `pai-portal-${process.pid}`);
    mkdirSync(join(portalDir, 'assets'), { recursive: true });
    writeFileSync(join(portalDir, 'index.html'), '<!doctype html><title>PAI</title>');
    writeFileSync(join(portalDir, 'assets', 'app.js'), 'console.log(1)');
    mkdirSync(join(portalDir, 'fonts'));
    writeFileSync(join(portalDir, 'fonts', 'icons-1a2b.woff'), 'woff');
    writeFileSync(join(portalDir, 'favicon.svg'), '<svg/>');
    writeFileSync(join(portalDir, 'config.json'), '{"restServerUri":"http://elsewhere"}');
    t = await createTestApp({ env: { PAI_PORTAL_DIR: portalDir } });
    api = apiClient(t.app, await t.login('admin', 'admin-password'));
  });
  afterAll(() => t.close());

  it('answers cluster info and sign-in info', async () => {
    expect((await api('GET', '/api/v1')).body).toEqual({
      name: 'PAI RESTful API',
      version: '0.16.0',
      launcherType: 'yarn',
      authnMethod: 'basic',
    });
    expect((await api('GET', '/api/v1/authn/info')).body).toEqual({
      authn_type: 'basic',
      loginURI: '/api/v1/authn/basic/login',
      loginURIMethod: 'post',
    });
  });

  it("serves the portal's config.json from its own settings, not the built file", async () => {
    const response = await api('GET', '/config.json');
    expect(response.body).toEqual({ restServerUri: '', authnMethod: 'basic' });
  });

  it('serves the portal with a strict CSP, and index.html for client routes', async () => {
    const page = await api('GET', '/jobs/alice/job1');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>PAI</title>');
    expect(page.headers['content-security-policy']).toBe(EXPECTED_CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const asset = await api('GET', '/assets/app.js');
    expect(asset.text).toBe('console.log(1)');
    expect(asset.headers['content-security-policy']).toBe(EXPECTED_CSP);
  });

  it('lets browsers keep hashed chunks and fonts, and revalidate every other file', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    expect((await api('GET', '/assets/app.js')).headers['cache-control']).toBe(immutable);
    expect((await api('GET', '/fonts/icons-1a2b.woff')).headers['cache-control']).toBe(immutable);
    for (const path of ['/', '/jobs', '/favicon.svg'])
      expect((await api('GET', path)).headers['cache-control'], path).toBe('no-cache');
  });

  it('builds the CSP in one place, where more connect sources can be added', () => {
    expect(contentSecurityPolicy()).toBe(EXPECTED_CSP);
    expect(contentSecurityPolicy({ connectSrc: ['https://login.example'] })).toContain(
      "connect-src 'self' https://login.example;",
    );
  });

  it('allows cross-origin API calls with a bearer token, without cookies', async () => {
    const preflight = await api('OPTIONS', '/api/v1/jobs', undefined, {
      origin: 'https://portal.example',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const list = await api('GET', '/api/v1/jobs', undefined, { origin: 'https://portal.example' });
    expect(list.headers['access-control-allow-origin']).toBe('*');
    expect(list.headers['access-control-expose-headers']).toContain('Location');
    expect(list.headers['content-security-policy']).toBeUndefined();
  });

  it('answers unknown API paths with NoApiError', async () => {
    const response = await api('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      code: 'NoApiError',
      message: 'API /api/v1/nothing-here is not found.',
    });
    expect((await api('POST', '/jobs')).body).toMatchObject({ code: 'NoApiError' });
  });

  it('answers bodies over 1 MiB with 413 and malformed requests with 400', async () => {
    const big = JSON.stringify({ jobName: 'x', padding: 'x'.repeat(1024 * 1024) });
    const tooLarge = await api('POST', '/api/v1/user/admin/jobs', big, {
      'content-type': 'application/json',
    });
    expect(tooLarge).toMatchObject({
      status: 413,
      body: { code: 'PayloadTooLargeError', message: expect.any(String) },
    });
    const badUrl = await api('GET', '/api/v1/jobs/%E0%A4%A');
    expect(badUrl).toMatchObject({ status: 400, body: { code: 'InvalidParametersError' } });
    const longName = await api('GET', `/api/v1/jobs/${'a'.repeat(5000)}`);
    expect(longName).toMatchObject({ status: 404, body: { code: 'NoJobError' } });
  });
});
