// @vitest-environment happy-dom
/// <reference types="vite/client" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EARLY_REQUEST_MAX_AGE_MS, apiRequest, startEarlyRequest } from '../src/lib/api-client.ts';
import { setRuntimeConfig } from '../src/lib/runtime-config.ts';
import { clearSession, saveSession } from '../src/lib/session.ts';

/** A real server on loopback that answers every request with how many it has had. */
let server: Server;
const seen: { url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', '*');
    if (request.method === 'OPTIONS') return void response.end(); // a cross-origin preflight
    seen.push({ url: request.url!, authorization: request.headers.authorization });
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify({ answer: seen.length }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setRuntimeConfig({ restServerUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  clearSession();
  seen.length = 0;
  vi.restoreAllMocks();
});

const signIn = (token: string) =>
  saveSession({ user: 'ann', token, admin: false, expiresAt: null }, false);

describe('a request started before the app', () => {
  it('is not made when nobody is signed in', () => {
    expect(startEarlyRequest('/api/v1/jobs', { limit: 20 })).toBeNull();
    expect(seen).toEqual([]);
  });

  it("answers the app's first request for the same URL, once", async () => {
    signIn('token-a');
    const early = startEarlyRequest('/api/v1/jobs', { offset: 0, limit: 20 })!;
    expect(await (await early).json()).toEqual({ answer: 1 });
    expect(await apiRequest('/api/v1/jobs', { query: { offset: 0, limit: 20 } })).toEqual({
      answer: 1,
    });
    expect(seen).toEqual([
      { url: '/api/v1/jobs?offset=0&limit=20', authorization: 'Bearer token-a' },
    ]);
    // Taken once: the next request asks the server again.
    expect(await apiRequest('/api/v1/jobs', { query: { offset: 0, limit: 20 } })).toEqual({
      answer: 2,
    });
  });

  it('is not used for another URL, another person, or once it is old', async () => {
    signIn('token-a');
    await startEarlyRequest('/api/v1/jobs', { limit: 20 });
    expect(await apiRequest('/api/v1/jobs', { query: { limit: 50 } })).toEqual({ answer: 2 });

    await startEarlyRequest('/api/v1/jobs', { limit: 20 });
    signIn('token-b');
    expect(await apiRequest('/api/v1/jobs', { query: { limit: 20 } })).toEqual({ answer: 4 });
    expect(seen[3]!.authorization).toBe('Bearer token-b');

    await startEarlyRequest('/api/v1/jobs', { limit: 20 });
    const startedAt = performance.now();
    vi.spyOn(performance, 'now').mockReturnValue(startedAt + EARLY_REQUEST_MAX_AGE_MS + 1);
    expect(await apiRequest('/api/v1/jobs', { query: { limit: 20 } })).toEqual({ answer: 6 });
  });

  it('is not used for anything but a GET', async () => {
    signIn('token-a');
    await startEarlyRequest('/api/v1/jobs', {});
    expect(await apiRequest('/api/v1/jobs', { method: 'POST', body: {} })).toEqual({ answer: 2 });
  });
});
