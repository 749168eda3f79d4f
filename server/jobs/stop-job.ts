import type { JobState } from '../../contract/api-types.ts';
import { EXIT_CODE_STOP_REQUESTED, isTerminal } from '../../contract/job-state.ts';
import type { Services } from '../services.ts';
import type { JobRow } from '../store/jobs.ts';

/** STOP (docs/api.md §5.7): a job that has ended or was stopped already is left as it is. */
export function stopJob(services: Services, job: JobRow): void {
  if (job.execution_type === 'STOP' || isTerminal(job.state as JobState)) return;
  if (job.imported) {
    services.jobs.settleImportedAsStopped(job.id, EXIT_CODE_STOP_REQUESTED);
    return;
  }
  // Tasks first: on a full disk the record fails (507), but the job must stop anyway.
  services.runtime?.stop(job.id);
  services.jobs.setExecutionType(job.id, 'STOP');
}
