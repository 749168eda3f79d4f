import { describe, expect, it } from 'vitest';
import type { JobListItem } from '../../../contract/api-types.ts';
import { whyDeleteDisabled } from './delete-rule.ts';

const job = (name: string, patch: Partial<JobListItem> = {}) =>
  ({ name, username: 'ann', state: 'SUCCEEDED', executionType: 'START', ...patch }) as JobListItem;
const ann = { user: 'ann', admin: false };

describe('bulk delete rule', () => {
  it('allows the owner’s ended jobs, and an admin anyone’s', () => {
    expect(whyDeleteDisabled([job('a'), job('b', { state: 'FAILED' })], ann)).toBeNull();
    expect(
      whyDeleteDisabled([job('c', { username: 'bo' })], { user: 'root', admin: true }),
    ).toBeNull();
  });

  it('names the job that has not ended and says to stop it first', () => {
    expect(whyDeleteDisabled([job('a'), job('live', { state: 'RUNNING' })], ann)).toBe(
      'live cannot be deleted: it has not ended (running); stop it first.',
    );
    expect(
      whyDeleteDisabled([job('going', { state: 'RUNNING', executionType: 'STOP' })], ann),
    ).toBe('going cannot be deleted: it has not ended (stopping); stop it first.');
  });

  it('names another user’s job for a non-admin', () => {
    expect(whyDeleteDisabled([job('theirs', { username: 'bo' })], ann)).toBe(
      'theirs cannot be deleted: it belongs to bo, and only its owner or an admin may delete it.',
    );
  });

  it('asks for a selection when there is none', () => {
    expect(whyDeleteDisabled([], ann)).toBe('Select the ended jobs to delete.');
  });
});
