import type { JobListItem } from '../../../contract/api-types.ts';
import { whyNotStoppable } from '../../../contract/job-state.ts';

/** Why the selection cannot be stopped (naming the first job that blocks it), or null when it can. */
export function whyStopDisabled(selected: JobListItem[]): string | null {
  if (selected.length === 0) return 'Select the jobs to stop.';
  for (const job of selected) {
    const reason = whyNotStoppable(job);
    if (reason) return `${job.name} cannot be stopped: ${reason}.`;
  }
  return null;
}
