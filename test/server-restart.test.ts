import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../testing/serve-process.ts';

/** fetch as JSON against a running server. */
async function call(
  server: ServeProcess,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: JSON.parse(text || 'null') as Record<string, unknown>,
  };
}

describe('a server killed with SIGKILL and started again', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pai-restart-'));
  let server: ServeProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no user, token or job', async () => {
    server = await startServeProcess(dataDir, { PAI_ADMIN_PASSWORD: undefined });
    const adminPassword = /with password: (\S+)/.exec(server.output())![1]!;
    const admin = (
      await call(server, 'POST', '/api/v1/token', undefined, {
        username: 'admin',
        password: adminPassword,
      })
    ).body.token as string;
    expect(
      (
        await call(server, 'POST', '/api/v2/user', admin, {
          username: 'erin',
          password: 'erin-password',
        })
      ).status,
    ).toBe(201);
    const erin = (
      await call(server, 'POST', '/api/v1/token', undefined, {
        username: 'erin',
        password: 'erin-password',
      })
    ).body.token as string;
    const config = {
      jobName: 'survivor',
      image: 'x',
      taskRoles: [{ name: 'main', command: 'true' }],
    };
    expect((await call(server, 'POST', '/api/v1/user/erin/jobs', erin, config)).status).toBe(202);

    await server.stop('SIGKILL');
    server = await startServeProcess(dataDir, { PAI_ADMIN_PASSWORD: undefined });

    expect(server.output()).not.toContain('Created administrator');
    expect((await call(server, 'GET', '/api/v1/jobs', admin)).status).toBe(200);
    expect((await call(server, 'GET', '/api/v1/user/erin/jobs/survivor', erin)).body).toMatchObject(
      { jobStatus: { name: 'erin~survivor' } },
    );
    expect(
      JSON.parse((await call(server, 'GET', '/api/v1/user/erin/jobs/survivor/config', erin)).text),
    ).toEqual(config);
    expect(
      (
        await call(server, 'POST', '/api/v1/token', undefined, {
          username: 'erin',
          password: 'erin-password',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(server, 'POST', '/api/v1/token', undefined, {
          username: 'admin',
          password: adminPassword,
        })
      ).status,
    ).toBe(200);
  });
});
