import type { FastifyInstance, InjectOptions } from 'fastify';

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
