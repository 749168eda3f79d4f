import type { JobListItem } from '../../../contract/api-types.ts';
import { displayState, isTerminal } from '../../../contract/job-state.ts';

interface Deleter {
  user: string;
  admin: boolean;
}

/**
 * Why the selection cannot be deleted (naming the first job that blocks it), or null when it can:
 * only ended jobs (a running job's tasks would be killed without a stop), and only one's own
 * unless an admin (the server refuses the rest, docs/api.md §5.8).
 */
export function whyDeleteDisabled(selected: JobListItem[], who: Deleter): string | null {
  if (selected.length === 0) return 'Select the ended jobs to delete.';
  for (const job of selected) {
    if (!isTerminal(job.state))
      return `${job.name} cannot be deleted: it has not ended (${displayState(job).toLowerCase()}); stop it first.`;
    if (!who.admin && job.username !== who.user)
      return `${job.name} cannot be deleted: it belongs to ${job.username}, and only its owner or an admin may delete it.`;
  }
  return null;
}
