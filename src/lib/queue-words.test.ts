import { describe, expect, it } from 'vitest';
import type { JobQueueStatus } from '../../contract/api-types.ts';
import { exitCodeMeaning } from './exit-codes.ts';
import { ordinal, waitingFor } from './queue-words.ts';

const queue = (over: Partial<JobQueueStatus>): JobQueueStatus => ({
  position: 1,
  jobsAhead: 0,
  needs: { cpus: 1, memoryMB: 100, gpus: 4 },
  free: { cpus: 2, memoryMB: 1000, gpus: 2 },
  reason: null,
  ...over,
});

describe('what a waiting job waits for', () => {
  it('names the missing resource, the jobs ahead, or the runtime’s own reason', () => {
    expect(waitingFor(queue({}))).toBe('needs 4 GPUs; 2 free');
    expect(waitingFor(queue({ position: 4, jobsAhead: 3 }))).toBe(
      'waits behind 3 jobs; needs 4 GPUs; 2 free',
    );
    expect(waitingFor(queue({ jobsAhead: 1, needs: { cpus: 1, memoryMB: 1, gpus: 0 } }))).toBe(
      'waits behind 1 job',
    );
    expect(
      waitingFor(
        queue({
          needs: { cpus: 3, memoryMB: 100, gpus: 1 },
          free: { cpus: 1, memoryMB: 9, gpus: 0 },
        }),
      ),
    ).toBe('needs 1 GPU and 3 CPUs and 100 MB of memory; 0 GPUs and 1 CPU and 9 MB of memory free');
    expect(waitingFor(queue({ needs: { cpus: 1, memoryMB: 1, gpus: 0 } }))).toBe(
      'starts at the next scheduling pass',
    );
    expect(waitingFor(queue({ free: null, reason: 'Waiting in Slurm: priority.' }))).toBe(
      'Waiting in Slurm: priority.',
    );
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });

  it('explains the platform’s exit codes and signals, not the command’s own codes', () => {
    expect(exitCodeMeaning(-7400)).toMatch(/its job ended/);
    expect(exitCodeMeaning(-7351)).toMatch(/stopped on request/);
    for (const code of [154, -7103, -7150, -7300, 126, 127])
      expect(exitCodeMeaning(code)).not.toBeNull();
    expect(exitCodeMeaning(137)).toBe('The process was killed by SIGKILL (signal 9).');
    expect(exitCodeMeaning(1)).toBeNull();
  });
});
