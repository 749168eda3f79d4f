import type { JobQueueStatus } from '../../contract/api-types.ts';
import type { ActiveJob } from './active-job.ts';
import type { Capacity } from './capacity.ts';
import type { JobQueue } from './job-queue.ts';
import { jobDemand } from './job-spec.ts';

/**
 * Why a job of the local runtime has not started (docs/api.md §5.3, `queue`): its place in its
 * VC's queue, what it takes and what the VC has free. Null once the job holds its resources.
 */
export function localQueueStatus(
  job: ActiveJob,
  queue: JobQueue,
  capacity: Capacity,
): JobQueueStatus | null {
  if (job.phase === 'launching' || job.phase === 'running') return null;
  const ahead = queue.ahead(job);
  return {
    position: ahead === null ? null : ahead + 1,
    jobsAhead: ahead,
    needs: jobDemand(job.spec),
    free: capacity.free(job.vc),
    reason:
      job.phase === 'retry-wait' ? 'its last attempt failed; it is queued again shortly' : null,
  };
}
