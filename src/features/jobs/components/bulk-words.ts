/** What a bulk action is called in its dialog and its results. */
export type BulkAction = 'stop' | 'delete';

export const BULK_WORDS: Record<
  BulkAction,
  { verb: string; busy: string; done: string; notDone: string; consequence: string }
> = {
  stop: {
    verb: 'Stop',
    busy: 'Stopping…',
    done: 'Stop requested for',
    notDone: 'Not stopped',
    consequence:
      'Stopping ends every task of {jobs}. It cannot be undone; you can clone a job to run it again.',
  },
  delete: {
    verb: 'Delete',
    busy: 'Deleting…',
    done: 'Deleted',
    notDone: 'Not deleted',
    consequence:
      'Deleting removes {jobs} with their logs and files from the server. It cannot be undone.',
  },
};

/** "job" or "jobs": counted nouns read right at 1. */
export const jobCount = (count: number) => (count === 1 ? '1 job' : `${count} jobs`);
