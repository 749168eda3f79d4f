// @vitest-environment happy-dom
/// <reference types="vite/client" />
import { QueryClientProvider } from '@tanstack/react-query';
import { act, configure, renderHook, waitFor } from '@testing-library/react';
import { createServer, get, type Server } from 'node:http';
import { createElement, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importJobs } from '../server/jobs/import-jobs.ts';
import { jobHistory } from './job-history.ts';
import { createTestApp, TEST_ADMIN, type TestApp } from '../testing/app.ts';
import {
  useJobCounts,
  useRecentJobs,
  useVirtualClusters,
} from '../src/features/dashboard/hooks/dashboard-queries.ts';
import { useJobs, useStopJobs } from '../src/features/jobs/hooks/job-list-queries.ts';
import { useLogin } from '../src/features/auth/hooks/use-login.ts';
import { useSignOut } from '../src/features/auth/hooks/use-sign-out.ts';
import { resetJobListMode } from '../src/api/jobs/get-job-list.ts';
import { setSignInRedirect, apiRequest } from '../src/lib/api-client.ts';
import { PaiError } from '../src/lib/pai-error.ts';
import { createQueryClient } from '../src/lib/query-client.ts';
import { setRuntimeConfig } from '../src/lib/runtime-config.ts';
import { clearSession, currentSession, saveSession, sessionFromLogin } from '../src/lib/session.ts';

// A loaded machine (2 cores, several test runs) answers in seconds, not in waitFor's default 1 s.
configure({ asyncUtilTimeout: 10_000 });

let server: TestApp;

function wrapper({ children }: { children: ReactNode }) {
  return createElement(QueryClientProvider, { client: createQueryClient() }, children);
}

async function signInAs(username: string, password: string) {
  const response = await fetch(`${serverUrl}/api/v1/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  saveSession(sessionFromLogin(await response.json()), false);
}

let serverUrl = '';

beforeAll(async () => {
  server = await createTestApp();
  await server.addUser('alice');
  await server.addUser('bob');
  importJobs(server.db, JSON.stringify(jobHistory));
  serverUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
  setRuntimeConfig({ restServerUri: serverUrl });
});

afterAll(async () => {
  clearSession();
  await server.close();
});

afterEach(() => clearSession());

describe('sign-in hooks against the real server', () => {
  it('reports a wrong password as a typed error and keeps no session', async () => {
    const { result } = renderHook(() => useLogin(), { wrapper });
    act(() =>
      result.current.mutate({ username: 'alice', password: 'wrong-password', keep: false }),
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(PaiError);
    expect((result.current.error as PaiError).code).toBe('IncorrectPasswordError');
    expect(currentSession()).toBeNull();
  });

  it('signs in, keeps the session with the token expiry, and signing out revokes the token', async () => {
    const login = renderHook(() => useLogin(), { wrapper });
    act(() =>
      login.result.current.mutate({ username: 'alice', password: 'alice-password', keep: true }),
    );
    await waitFor(() => expect(login.result.current.isSuccess).toBe(true));
    const session = currentSession()!;
    expect(session).toMatchObject({ user: 'alice', admin: false });
    expect(session.expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000); // keep: a 7-day token
    expect(localStorage.getItem('pai-session')).not.toBeNull();

    const signOut = renderHook(() => useSignOut(), { wrapper });
    act(() => signOut.result.current.mutate());
    await waitFor(() => expect(signOut.result.current.isSuccess).toBe(true));
    expect(currentSession()).toBeNull();
    const reuse = await apiRequest('/api/v1/jobs', { token: session.token }).catch(
      (error: unknown) => error,
    );
    expect((reuse as PaiError).status).toBe(401);
  });

  it('a revoked token sends the person to sign in, remembering the page', async () => {
    await signInAs('alice', 'alice-password');
    const token = currentSession()!.token;
    await apiRequest('/api/v1/authn/basic/logout', { method: 'DELETE', token });
    const redirects: string[] = [];
    setSignInRedirect((from) => redirects.push(from));
    window.history.pushState({}, '', '/jobs?state=Running');
    await expect(apiRequest('/api/v1/jobs')).rejects.toMatchObject({ status: 401 });
    expect(redirects).toEqual(['/jobs?state=Running']);
    expect(currentSession()).toBeNull();
  });
});

describe('job list hooks against the real server', () => {
  it('pages, filters and sorts on the server', async () => {
    await signInAs('alice', 'alice-password');
    const { result } = renderHook(
      () =>
        useJobs(
          {
            offset: 1,
            limit: 2,
            usernames: ['alice'],
            order: { field: 'createdTime', descending: true },
          },
          { autoRefresh: false },
        ),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data!.classic).toBe(false);
    expect(result.current.data!.totalCount).toBe(5);
    expect(result.current.data!.jobs.map((job) => job.name)).toEqual(['a-eval', 'a-train-2']);
  });

  it('filters by state, VC, keyword and legacy', async () => {
    await signInAs('alice', 'alice-password');
    const names = async (request: Parameters<typeof useJobs>[0]) => {
      const { result } = renderHook(() => useJobs(request, { autoRefresh: false }), { wrapper });
      await waitFor(() => expect(result.current.data).toBeDefined());
      return result.current.data!.jobs.map((job) => job.name).sort();
    };
    expect(await names({ offset: 0, limit: 20, states: ['Running'] })).toEqual([
      'a-train-1',
      'b-train',
    ]);
    expect(await names({ offset: 0, limit: 20, virtualClusters: ['research'] })).toEqual([
      'a-train-2',
    ]);
    expect(await names({ offset: 0, limit: 20, keyword: 'train' })).toEqual([
      'a-train-1',
      'a-train-2',
      'b-train',
    ]);
    expect(await names({ offset: 0, limit: 20, legacyOnly: true })).toEqual(['old-run']);
  });

  it('counts jobs per state for one person and for everyone', async () => {
    await signInAs(TEST_ADMIN.username, TEST_ADMIN.password);
    const mine = renderHook(() => useJobCounts('alice'), { wrapper });
    const all = renderHook(() => useJobCounts(null), { wrapper });
    await waitFor(() => expect(mine.result.current.data && all.result.current.data).toBeDefined());
    expect(mine.result.current.data).toMatchObject({
      Waiting: 1,
      Running: 1,
      Succeeded: 1,
      Failed: 1,
      Stopped: 1,
      Stopping: 0,
    });
    expect(all.result.current.data).toMatchObject({ Running: 2 });
    mine.unmount();
    all.unmount();
  });

  it('lists recent jobs newest first and the virtual clusters with their capacity', async () => {
    await signInAs('alice', 'alice-password');
    const recent = renderHook(() => useRecentJobs('alice'), { wrapper });
    const clusters = renderHook(() => useVirtualClusters(), { wrapper });
    await waitFor(() =>
      expect(recent.result.current.data && clusters.result.current.data).toBeDefined(),
    );
    expect(recent.result.current.data!.map((job) => job.name)).toEqual([
      'a-wait',
      'a-eval',
      'a-train-2',
      'a-train-1',
      'old-run',
    ]);
    expect(clusters.result.current.data!.map((vc) => [vc.name, vc.resourcesTotal.vCores])).toEqual([
      ['default', 8],
      ['research', 4],
    ]);
    recent.unmount();
    clusters.unmount();
  });

  it('stops what it may and says why not for the rest', async () => {
    await signInAs('alice', 'alice-password');
    const list = renderHook(
      () =>
        useJobs({ offset: 0, limit: 20, states: ['Waiting', 'Running'] }, { autoRefresh: false }),
      { wrapper },
    );
    await waitFor(() => expect(list.result.current.data).toBeDefined());
    const targets = list.result.current.data!.jobs.filter((job) =>
      ['a-wait', 'b-train'].includes(job.name),
    );
    const stop = renderHook(() => useStopJobs(), { wrapper });
    act(() => stop.result.current.mutate(targets));
    await waitFor(() => expect(stop.result.current.isSuccess).toBe(true));
    const results = Object.fromEntries(
      stop.result.current.data!.map((result) => [result.job.name, result.error]),
    );
    expect(results['a-wait']).toBeNull();
    expect(results['b-train']).toMatch(/not allowed|forbidden|permission/i);
    const after = await apiRequest<{ executionType: string }[]>('/api/v1/jobs', {
      query: { username: 'alice' },
    });
    expect(
      after.find((job) => (job as unknown as { name: string }).name === 'a-wait')?.executionType,
    ).toBe('STOP');
  });
});

describe('against a classic OpenPAI v0.16 server (whole array, no paging)', () => {
  let classic: Server;
  let classicUrl = '';

  /** A loopback stand-in that answers like v0.16: the real server's full array, whatever the query. */
  beforeAll(async () => {
    classic = createServer((request, response) => {
      const cors = {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      };
      if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
      const headers = { Authorization: request.headers.authorization ?? '' };
      get(`${serverUrl}/api/v1/jobs`, { headers }, (upstream) => {
        response.writeHead(upstream.statusCode ?? 502, {
          ...cors,
          'Content-Type': 'application/json',
        });
        upstream.pipe(response);
      }).on('error', () => response.writeHead(502, cors).end());
    });
    await new Promise<void>((resolve) => classic.listen(0, '127.0.0.1', resolve));
    const address = classic.address() as { port: number };
    classicUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    setRuntimeConfig({ restServerUri: serverUrl });
    resetJobListMode();
    await new Promise((resolve) => classic.close(resolve));
  });

  it('detects the array and filters, sorts and pages in the browser', async () => {
    await signInAs('alice', 'alice-password');
    const paged = renderHook(() => useJobCounts('alice'), { wrapper });
    await waitFor(() => expect(paged.result.current.data).toBeDefined());
    paged.unmount();
    setRuntimeConfig({ restServerUri: classicUrl });
    resetJobListMode();
    const { result } = renderHook(
      () =>
        useJobs(
          {
            offset: 0,
            limit: 2,
            usernames: ['alice', 'bob'],
            keyword: 'train',
            order: { field: 'name', descending: true },
          },
          { autoRefresh: false },
        ),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data!.classic).toBe(true);
    expect(result.current.data!.totalCount).toBe(3);
    expect(result.current.data!.jobs.map((job) => job.name)).toEqual(['b-train', 'a-train-2']);
    const counts = renderHook(() => useJobCounts('alice'), { wrapper });
    await waitFor(() => expect(counts.result.current.data).toBeDefined());
    expect(counts.result.current.data).toEqual(paged.result.current.data);
    expect(counts.result.current.data!.Running).toBe(1);
    counts.unmount();
  });
});
