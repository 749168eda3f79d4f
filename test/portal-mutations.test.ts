// @vitest-environment happy-dom
/// <reference types="vite/client" />
import { QueryClientProvider } from '@tanstack/react-query';
import { act, configure, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitJob } from '../src/api/jobs/post-job.ts';
import { useJobCounts } from '../src/features/dashboard/hooks/dashboard-queries.ts';
import { useJob, useStopJob } from '../src/features/job-detail/hooks/job-queries.ts';
import { useSubmitJob } from '../src/features/job-submit/hooks/use-submit-job.ts';
import { useJobs } from '../src/features/jobs/hooks/job-list-queries.ts';
import { PaiError } from '../src/lib/pai-error.ts';
import { createQueryClient } from '../src/lib/query-client.ts';
import { setRuntimeConfig } from '../src/lib/runtime-config.ts';
import { clearSession, saveSession, sessionFromLogin } from '../src/lib/session.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';

// A loaded machine (2 cores, several test runs) answers in seconds, not in waitFor's default 1 s.
configure({ asyncUtilTimeout: 10_000 });

let server: TestApp;

const config = (jobName: string, memoryMB = 512) =>
  JSON.stringify({
    jobName,
    image: 'busybox',
    virtualCluster: 'default',
    taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB, command: 'sleep 60' }],
  });

beforeAll(async () => {
  server = await createTestApp();
  const token = await server.addUser('carol');
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  setRuntimeConfig({ restServerUri: url });
  saveSession(sessionFromLogin({ user: 'carol', token, admin: false }), false);
  await submitJob({ username: 'carol', text: config('first') });
});

afterAll(async () => {
  clearSession();
  await server.close();
});

describe('one cache: dashboard, list and job page agree after a mutation', () => {
  it('a submit and a stop refresh every view through key prefixes, with no refetch by hand', async () => {
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(QueryClientProvider, { client }, children);
    const job = { name: 'second', username: 'carol' };
    const { result } = renderHook(
      () => ({
        counts: useJobCounts('carol'),
        list: useJobs({ offset: 0, limit: 20, usernames: ['carol'] }, { autoRefresh: false }),
        detail: useJob(job, false),
        submit: useSubmitJob(),
        stop: useStopJob(job),
      }),
      { wrapper },
    );
    await waitFor(() => {
      expect(result.current.counts.data?.Waiting).toBe(1);
      expect(result.current.list.data?.totalCount).toBe(1);
      expect((result.current.detail.error as PaiError | null)?.status).toBe(404);
    });

    act(() => result.current.submit.mutate({ username: 'carol', text: config('second') }));
    await waitFor(() => {
      expect(result.current.counts.data?.Waiting).toBe(2);
      expect(result.current.list.data?.jobs.map((item) => item.name)).toContain('second');
      expect(result.current.detail.data?.jobStatus.state).toBe('WAITING');
    });

    act(() => result.current.stop.mutate());
    await waitFor(() => {
      const listed = result.current.list.data?.jobs.find((item) => item.name === 'second');
      expect(result.current.detail.data?.jobStatus.executionType).toBe('STOP');
      expect(listed?.executionType).toBe('STOP');
      expect(result.current.counts.data?.Waiting).toBe(1);
    });
  });
});

describe('a refused submission is data', () => {
  it('carries problems [{path, message}] beside code and message', async () => {
    const error = await submitJob({ username: 'carol', text: config('bad', 1) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PaiError);
    const failure = error as PaiError;
    expect(failure.code).toBe('InvalidParametersError');
    expect(failure.problems).toEqual([
      {
        path: 'taskRoles[0].memoryMB',
        message: expect.stringMatching(/^taskRoles\[0\]\.memoryMB/),
      },
    ]);
    expect(failure.message).toBe(failure.problems![0]!.message);
  });
});
