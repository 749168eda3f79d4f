import { describe, expect, it } from 'vitest';
import { pageChunks, signedInPageOf } from './page-chunks.ts';

describe('signedInPageOf', () => {
  it.each([
    ['/', pageChunks.dashboard],
    ['/jobs', pageChunks.jobs],
    ['/jobs/', pageChunks.jobs],
    ['/jobs/alice/train-1', pageChunks.jobDetail],
    ['/jobs/legacy-job', pageChunks.jobDetail],
    ['/submit', pageChunks.submit],
    ['/admin/users', pageChunks.adminUsers],
    ['/admin/virtual-clusters/', pageChunks.adminVirtualClusters],
  ])('%s opens its page', (path, page) => {
    expect(signedInPageOf(path)).toBe(page);
  });

  it.each(['/login', '/nowhere', '/jobs/a/b/c', '/submit/x', '/admin', '/admin/users/x'])(
    '%s opens no signed-in page',
    (path) => {
      expect(signedInPageOf(path)).toBeNull();
    },
  );
});
