import { describe, expect, it } from 'vitest';
import { capacityProblems } from './job-capacity.ts';
import { counted } from './words.ts';

describe('counted', () => {
  it('puts the noun in the number of its count', () => {
    expect(counted(1, 'GPU')).toBe('1 GPU');
    expect(counted(0, 'GPU')).toBe('0 GPUs');
    expect(counted(3, 'task')).toBe('3 tasks');
    expect(counted(2, 'child', 'children')).toBe('2 children');
  });

  it('is used by the capacity message ("1 GPU", never "1 GPUs")', () => {
    const config = { taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 1, gpuNumber: 1 }] };
    const total = { cpus: 1, memoryMB: 100_000, gpus: 0 };
    expect(capacityProblems(config, 'default', total).map((problem) => problem.message)).toEqual([
      'The job needs 1 GPU (all tasks together) but virtual cluster default has 0 GPUs in total.',
    ]);
  });
});
