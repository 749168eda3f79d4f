import { afterEach, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';

/** Login throttling against the real app: counted before the check, unevictable, proxy-aware. */
describe('login throttling that holds', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const attempt = (
    app: TestApp,
    username: string,
    password: string,
    remoteAddress: string,
    headers: Record<string, string> = {},
  ) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/token',
      payload: { username, password },
      remoteAddress,
      headers,
    });

  it('checks at most 5 passwords per user and address, whatever the concurrency', async () => {
    t = await createTestApp();
    await t.addUser('carol');
    const app = t;
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => attempt(app, 'carol', 'wrong-password', '10.0.0.1')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 400)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(195);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    t = await createTestApp();
    await t.addUser('carol');
    const unknown = await attempt(t, 'nobody', 'wrong-password', '10.0.0.1');
    const wrong = await attempt(t, 'carol', 'wrong-password', '10.0.0.1');
    expect([unknown.statusCode, unknown.body]).toEqual([wrong.statusCode, wrong.body]);
    expect(wrong.json()).toEqual({
      code: 'IncorrectPasswordError',
      message: 'User name or password is incorrect.',
    });
    // Unknown names are throttled like real ones, so the pause tells nothing either.
    for (let i = 0; i < 4; i++) await attempt(t, 'nobody', 'wrong-password', '10.0.0.1');
    expect((await attempt(t, 'nobody', 'wrong-password', '10.0.0.1')).statusCode).toBe(429);
  });

  it('keeps a lockout while failures for other names fill the table', async () => {
    t = await createTestApp({ loginThrottle: new LoginThrottle(Date.now, 20) });
    await t.addUser('carol');
    for (let i = 0; i < 5; i++) await attempt(t, 'carol', 'wrong-password', '10.0.0.1');
    for (let i = 0; i < 41; i++) await attempt(t, `nobody${i}`, 'wrong-password', '10.0.0.1');
    expect((await attempt(t, 'carol', 'carol-password', '10.0.0.1')).statusCode).toBe(429);
  });

  it('takes the client address from X-Forwarded-For only with PAI_TRUST_PROXY', async () => {
    for (const [trust, secondClient] of [
      ['true', 200],
      ['false', 429],
    ] as const) {
      t = await createTestApp({ env: { PAI_TRUST_PROXY: trust } });
      await t.addUser('carol');
      const viaProxy = (client: string, password: string) =>
        attempt(t!, 'carol', password, '10.9.9.9', { 'x-forwarded-for': client });
      for (let i = 0; i < 5; i++) await viaProxy('192.0.2.1', 'wrong-password');
      expect((await viaProxy('192.0.2.1', 'carol-password')).statusCode).toBe(429);
      expect((await viaProxy('192.0.2.2', 'carol-password')).statusCode, trust).toBe(secondClient);
      await t.close();
      t = undefined;
    }
  });
});
