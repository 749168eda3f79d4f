import { describe, expect, it } from 'vitest';
import type { JobListItem } from '../../contract/api-types.ts';
import { applyJobListRequest, countByState } from './job-list-local.ts';

function job(name: string, patch: Partial<JobListItem> = {}): JobListItem {
  return {
    name,
    username: 'alice',
    state: 'RUNNING',
    subState: '',
    executionType: 'START',
    retries: 0,
    retryDetails: { user: 0, platform: 0, resource: 0 },
    createdTime: 1000,
    completedTime: null,
    appExitCode: null,
    virtualCluster: 'default',
    totalGpuNumber: 0,
    totalTaskNumber: 1,
    totalTaskRoleNumber: 1,
    ...patch,
  };
}

const classic = [
  job('train-1', { createdTime: 1 }),
  job('train-2', { createdTime: 2, username: 'bob', state: 'FAILED' }),
  job('eval', { createdTime: 3, virtualCluster: 'gpu', executionType: 'STOP' }),
  job('old', { createdTime: 4, legacy: true, state: 'SUCCEEDED' }),
];

describe('a classic (array) job list, filtered, sorted and paged in the browser', () => {
  it('defaults to newest first and pages', () => {
    const page = applyJobListRequest(classic, { offset: 1, limit: 2 });
    expect(page.jobs.map((j) => j.name)).toEqual(['eval', 'train-2']);
    expect(page.totalCount).toBe(4);
    expect(page.classic).toBe(true);
  });

  it('filters by user, display state (Stopping), VC, keyword and legacy', () => {
    const names = (request: Parameters<typeof applyJobListRequest>[1]) =>
      applyJobListRequest(classic, request).jobs.map((j) => j.name);
    expect(names({ offset: 0, limit: 10, usernames: ['bob'] })).toEqual(['train-2']);
    expect(names({ offset: 0, limit: 10, usernames: ['BOB'] })).toEqual(['train-2']);
    expect(names({ offset: 0, limit: 10, states: ['Stopping'] })).toEqual(['eval']);
    expect(names({ offset: 0, limit: 10, states: ['Running'] })).toEqual(['train-1']);
    expect(names({ offset: 0, limit: 10, virtualClusters: ['gpu'] })).toEqual(['eval']);
    expect(names({ offset: 0, limit: 10, keyword: 'TRAIN' })).toEqual(['train-2', 'train-1']);
    expect(names({ offset: 0, limit: 10, keyword: 'bo' })).toEqual(['train-2']);
    expect(names({ offset: 0, limit: 10, legacyOnly: true })).toEqual(['old']);
  });

  it('sorts by any column both ways, state by OpenPAI order', () => {
    const names = (field: 'name' | 'state', descending: boolean) =>
      applyJobListRequest(classic, { offset: 0, limit: 10, order: { field, descending } }).jobs.map(
        (j) => j.name,
      );
    expect(names('name', false)).toEqual(['eval', 'old', 'train-1', 'train-2']);
    expect(names('name', true)).toEqual(['train-2', 'train-1', 'old', 'eval']);
    expect(names('state', false)).toEqual(['train-1', 'eval', 'old', 'train-2']);
  });

  it('counts by display state', () => {
    expect(countByState(classic)).toMatchObject({
      Running: 1,
      Stopping: 1,
      Failed: 1,
      Succeeded: 1,
      Waiting: 0,
    });
  });
});
