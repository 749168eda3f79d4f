import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  const setup = (maxEntries?: number) => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(() => now, maxEntries);
    return { throttle, advance: (ms: number) => (now += ms) };
  };
  const attempt = (throttle: LoginThrottle, times: number, user = 'alice') => {
    const waits: number[] = [];
    for (let i = 0; i < times; i++) waits.push(throttle.begin(user, '10.0.0.1'));
    return waits;
  };

  it('allows five checks, then pauses for 30 s, doubling with each further attempt up to 15 min', () => {
    const { throttle, advance } = setup();
    expect(attempt(throttle, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(throttle.begin('alice', '10.0.0.1')).toBe(30_000);
    advance(30_000);
    expect(throttle.begin('alice', '10.0.0.1')).toBe(0);
    expect(throttle.begin('alice', '10.0.0.1')).toBe(60_000);
    for (let i = 0; i < 10; i++) {
      advance(15 * 60_000);
      throttle.begin('alice', '10.0.0.1');
    }
    expect(throttle.begin('alice', '10.0.0.1')).toBe(15 * 60_000);
  });

  it('keeps users and addresses apart, and forgets after a success', () => {
    const { throttle } = setup();
    attempt(throttle, 5);
    expect(throttle.begin('bob', '10.0.0.1')).toBe(0);
    expect(throttle.begin('alice', '10.0.0.2')).toBe(0);
    throttle.recordSuccess('alice', '10.0.0.1');
    expect(throttle.begin('alice', '10.0.0.1')).toBe(0);
  });

  it('forgets attempts after an hour without one', () => {
    const { throttle, advance } = setup();
    attempt(throttle, 4);
    advance(60 * 60_000 + 1);
    expect(attempt(throttle, 4)).toEqual([0, 0, 0, 0]);
  });

  it('keeps a pause when 10,001 other names fill the table', () => {
    const { throttle } = setup();
    attempt(throttle, 5);
    for (let i = 0; i < 10_001; i++) throttle.begin(`nobody${i}`, '10.0.0.9');
    expect(throttle.begin('alice', '10.0.0.1')).toBeGreaterThan(0);
  });

  it('makes new pairs wait rather than evict a pause when every entry is paused', () => {
    const { throttle } = setup(2);
    attempt(throttle, 5, 'alice');
    attempt(throttle, 5, 'bob');
    expect(throttle.begin('carol', '10.0.0.1')).toBe(60_000);
    expect(throttle.begin('alice', '10.0.0.1')).toBeGreaterThan(0);
    expect(throttle.begin('bob', '10.0.0.1')).toBeGreaterThan(0);
  });
});
