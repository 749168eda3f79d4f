import type { JobRef } from '../../../lib/job-links.ts';
import { jobApiPath, jobKey } from '../../../lib/job-links.ts';

/** The job a detail page shows: `/jobs/:username/:jobName`, or `/jobs/:jobName` for a legacy job. */
export function jobRefFromRoute(params: { username?: string; jobName?: string }): JobRef | null {
  if (!params.jobName) return null;
  return params.username
    ? { name: params.jobName, username: params.username }
    : { name: params.jobName, username: '', legacy: true };
}

export { jobApiPath, jobKey, type JobRef };

/** `/submit?clone=alice~train`, or `?clone=train` for a legacy job. */
export function clonePath(job: JobRef): string {
  return `/submit?clone=${encodeURIComponent(jobKey(job))}`;
}
