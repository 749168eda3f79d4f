import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  const setup = () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(() => now);
    return { throttle, advance: (ms: number) => (now += ms) };
  };
  const fail = (throttle: LoginThrottle, times: number) => {
    for (let i = 0; i < times; i++) throttle.recordFailure('alice', '10.0.0.1');
  };

  it('allows four failures, then pauses for 30 s, doubling with each further failure up to 15 min', () => {
    const { throttle, advance } = setup();
    fail(throttle, 4);
    expect(throttle.retryAfter('alice', '10.0.0.1')).toBe(0);
    fail(throttle, 1);
    expect(throttle.retryAfter('alice', '10.0.0.1')).toBe(30_000);
    advance(30_000);
    expect(throttle.retryAfter('alice', '10.0.0.1')).toBe(0);
    fail(throttle, 1);
    expect(throttle.retryAfter('alice', '10.0.0.1')).toBe(60_000);
    fail(throttle, 10);
    expect(throttle.retryAfter('alice', '10.0.0.1')).toBe(15 * 60_000);
  });

  it('keeps users and addresses apart, and forgets after a success', () => {
    const { throttle } = setup();
    fail(throttle, 5);
    expect(throttle.retryAfter('bob', '10.0.0.1')).toBe(0);
    expect(throttle.retryAfter('alice', '10.0.0.2')).toBe(0);
    throttle.recordSuccess('alice', '10.0.0.1');
    expect(throttle.retryAfter('alice', '10.0.0.1')).toBe(0);
  });

  it('forgets failures after an hour without one', () => {
    const { throttle, advance } = setup();
    fail(throttle, 4);
    advance(60 * 60_000 + 1);
    fail(throttle, 1);
    expect(throttle.retryAfter('alice', '10.0.0.1')).toBe(0);
  });
});
