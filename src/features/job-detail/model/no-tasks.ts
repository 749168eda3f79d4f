import type { JobStatus } from '../../../../contract/api-types.ts';
import { isTerminal } from '../../../../contract/job-state.ts';

/** Why a job has no tasks to show: imported history has no task records; an ended job never started one. */
export function whyNoTasks(status: JobStatus): string {
  if (status.imported)
    return 'This job was imported from an earlier cluster’s history, which kept no task records.';
  if (isTerminal(status.state)) return 'This job ended before any task was scheduled.';
  return 'No task has been scheduled yet.';
}
