import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect, vi } from 'vitest';
import type { JobDetail, JobState } from '../contract/api-types.ts';

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  body: unknown;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';

/** Calls the app as `token`'s user (anonymous without one) and parses JSON answers. */
export function apiClient(app: FastifyInstance, token?: string) {
  return async (
    method: Method,
    url: string,
    payload?: InjectOptions['payload'],
    headers: Record<string, string> = {},
  ) => {
    const response = await app.inject({
      method,
      url,
      payload,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    let body: unknown = response.body;
    try {
      body = JSON.parse(response.body);
    } catch {
      // not JSON (e.g. a job's config text)
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      body,
    } as ApiResponse;
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Waits until the job at `jobUrl` (e.g. `/api/v1/jobs/alice~job1`) is in `state`, as `caller` sees it. */
export async function waitForJobState(
  caller: ApiClient,
  jobUrl: string,
  state: JobState,
  timeout = 30_000,
): Promise<JobDetail> {
  return vi.waitFor(
    async () => {
      const detail = (await caller('GET', jobUrl)).body as JobDetail;
      expect(detail.jobStatus?.state).toBe(state);
      return detail;
    },
    { timeout, interval: 100 },
  );
}
