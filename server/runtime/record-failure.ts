import type { Outcome } from './completion.ts';
import type { RuntimeStore } from './runtime-store.ts';

/**
 * Records a job's failure, or says in one line why it could not be (a full disk): the job is then
 * still RUNNING or WAITING in the store, and recovery settles it at the next start.
 */
export function recordFailure(
  store: RuntimeStore,
  jobId: number,
  attempt: number,
  outcome: Outcome,
): void {
  try {
    store.finish(jobId, attempt, outcome, Date.now());
  } catch (error) {
    console.error(
      `Job ${jobId} failed (${outcome.diagnostics}) and that could not be recorded: ${(error as Error).message}`,
    );
  }
}
