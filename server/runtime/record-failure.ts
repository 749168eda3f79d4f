import { codeOf, isDiskFull } from '../http/storage-errors.ts';
import type { Outcome } from './completion.ts';
import type { RuntimeStore } from './runtime-store.ts';

/** How often an end that could not be recorded (a full disk) is tried again. */
export const RECORD_RETRY_MS = 1000;

/** An error of the database or of the data dir's disk: writing again later may succeed. */
export const isStoreError = (error: unknown): boolean =>
  codeOf(error).startsWith('SQLITE_') || isDiskFull(error);

/**
 * Records a job's end, or says in one line why it could not be (a full disk) and tries again
 * every second until it can or `open()` turns false; meanwhile the job is still RUNNING or
 * WAITING in the store (recovery settles it at the next start if the server stops first).
 */
export function recordFailure(
  store: RuntimeStore,
  jobId: number,
  attempt: number,
  outcome: Outcome,
  open: () => boolean,
): void {
  const record = (first: boolean) => {
    if (!open()) return;
    try {
      store.finish(jobId, attempt, outcome, Date.now());
    } catch (error) {
      if (first) {
        console.error(
          `Job ${jobId} ended (${outcome.diagnostics}) and that could not be recorded yet: ${(error as Error).message}`,
        );
      }
      setTimeout(() => record(false), RECORD_RETRY_MS).unref();
    }
  };
  record(true);
}
