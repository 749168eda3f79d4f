import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { createRuntimeApp, oneTaskJob, type RuntimeTestApp } from '../runtime/test-kit.ts';

type LogLine = Record<string, unknown>;

describe('the server log', () => {
  let t: TestApp | RuntimeTestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('logs one line per request, and a 5xx with its stack and request id', async () => {
    const lines: LogLine[] = [];
    t = await createTestApp({ logLines: lines });
    await t.login('admin', 'admin-password');
    t.db.close(); // every query now throws: the next sign-in is a 500
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/token',
      payload: { username: 'admin', password: 'admin-password' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(500); // 503: the database is unusable

    const failed = lines.find((line) => line.msg === 'request failed');
    expect(failed).toMatchObject({ level: 50, reqId: expect.any(String) });
    expect((failed!.err as { stack: string }).stack).toMatch(/database connection is not open/);
    expect((failed!.err as { stack: string }).stack).toMatch(/\n\s+at /);
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => [line.method, line.url, line.statusCode])).toEqual([
      ['POST', '/api/v1/token', 200],
      ['POST', '/api/v1/token', response.statusCode],
    ]);
    expect(requests[1]).toMatchObject({ level: 30, reqId: failed!.reqId });
  });

  it('keeps tokens out of logged URLs', async () => {
    const lines: LogLine[] = [];
    t = await createTestApp({ logLines: lines });
    const token = await t.login('admin', 'admin-password');
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/token/${token}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(lines.at(-1)).toMatchObject({ url: '/api/v1/token/:token' });
  });

  it('logs job transitions with the job id and the exit code', async () => {
    const lines: LogLine[] = [];
    const kit = await createRuntimeApp({ logLines: lines });
    t = kit;
    const name = await kit.submit(oneTaskJob('exit 3'));
    await kit.waitForState(name, 'FAILED');
    const jobId = kit.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(name);
    const job = `alice~${name}`;
    await vi.waitFor(() =>
      expect(lines.filter((line) => line.jobId === jobId)).toEqual([
        expect.objectContaining({ msg: 'job queued', job, attempt: 0, component: 'runtime' }),
        expect.objectContaining({ msg: 'job started', job, attempt: 0 }),
        expect.objectContaining({ msg: 'job ended', job, state: 'FAILED', exitCode: 3 }),
      ]),
    );
  });

  it('reads PAI_LOG_LEVEL, info by default, and refuses an unknown level', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ PAI_LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => loadConfig({ PAI_LOG_LEVEL: 'verbose' })).toThrow(/PAI_LOG_LEVEL.*verbose/);
  });
});
