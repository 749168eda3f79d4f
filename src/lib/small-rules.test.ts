import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelativeTime } from './format.ts';
import { jobApiPath, jobDetailPath } from './job-links.ts';
import { parseRuntimeConfig } from './runtime-config.ts';
import { safeReturnPath } from './safe-path.ts';

describe('portal rules', () => {
  it('links namespaced and legacy jobs', () => {
    expect(jobDetailPath({ name: 'j1', username: 'alice' })).toBe('/jobs/alice/j1');
    expect(jobDetailPath({ name: 'j1', username: 'alice', namespace: 'team' })).toBe(
      '/jobs/team/j1',
    );
    expect(jobDetailPath({ name: 'old', username: 'alice', legacy: true })).toBe('/jobs/old');
    expect(jobApiPath({ name: 'j1', username: 'alice' })).toBe('/api/v1/jobs/alice~j1');
    expect(jobApiPath({ name: 'old', username: 'alice', legacy: true })).toBe('/api/v1/jobs/old');
  });

  it('follows `from` only inside the portal', () => {
    expect(safeReturnPath('/jobs?state=Running#x')).toBe('/jobs?state=Running#x');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/login?from=/x')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });

  it('checks config.json and names what is wrong', () => {
    expect(
      parseRuntimeConfig({ restServerUri: 'https://c.example/rest-server/', clientId: 'x' }),
    ).toEqual({
      restServerUri: 'https://c.example/rest-server',
      clientId: 'x',
    });
    expect(parseRuntimeConfig({})).toEqual({ restServerUri: '' });
    expect(() => parseRuntimeConfig([])).toThrow(/JSON object/);
    expect(() => parseRuntimeConfig({ restServerUri: 'ftp://x' })).toThrow(/restServerUri/);
    expect(() => parseRuntimeConfig({ restServerUri: '', authnMethod: 'ldap' })).toThrow(
      /authnMethod/,
    );
  });

  it('formats durations and relative times', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(3_725_000)).toBe('1h 2m');
    expect(formatDuration(2 * 86_400_000 + 5 * 3_600_000 + 7_000)).toBe('2d 5h');
    expect(formatRelativeTime(1_000_000, 1_003_000)).toBe('just now');
    expect(formatRelativeTime(0, 3 * 60_000)).toMatch(/3 minutes ago/);
    expect(formatRelativeTime(1_015_000, 1_000_000)).toBe('just now');
    expect(formatRelativeTime(1_000_000, 1_031_000)).toMatch(/31 seconds ago/);
  });
});
