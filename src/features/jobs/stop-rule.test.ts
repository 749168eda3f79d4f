import { describe, expect, it } from 'vitest';
import type { JobListItem } from '../../../contract/api-types.ts';
import { whyStopDisabled } from './stop-rule.ts';

const job = (name: string, patch: Partial<JobListItem> = {}) =>
  ({ name, state: 'RUNNING', executionType: 'START', ...patch }) as JobListItem;

describe('bulk stop rule', () => {
  it('allows a selection of running and waiting jobs', () => {
    expect(whyStopDisabled([job('a'), job('b', { state: 'WAITING' })])).toBeNull();
  });

  it('names the job that blocks the stop and why', () => {
    expect(whyStopDisabled([job('a'), job('done', { state: 'SUCCEEDED' })])).toBe(
      'done cannot be stopped: it has already ended (succeeded).',
    );
    expect(whyStopDisabled([job('going', { executionType: 'STOP' })])).toBe(
      'going cannot be stopped: it is already stopping.',
    );
  });

  it('asks for a selection when there is none', () => {
    expect(whyStopDisabled([])).toBe('Select the jobs to stop.');
  });
});
