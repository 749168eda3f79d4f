import type { TaskState, TaskStatus } from '../../../../contract/api-types.ts';

/** GPU indices from `containerGpus`, a bitmask (bit i = GPU i). */
export function gpuIndices(mask: number | null): number[] {
  if (mask === null || mask <= 0) return [];
  const indices: number[] = [];
  for (let bit = 0; bit < 53 && 2 ** bit <= mask; bit++) {
    if (Math.floor(mask / 2 ** bit) % 2 === 1) indices.push(bit);
  }
  return indices;
}

const STATE_ORDER: TaskState[] = [
  'RUNNING',
  'WAITING',
  'SUCCEEDED',
  'FAILED',
  'STOPPED',
  'UNKNOWN',
];

/** How many tasks are in each state, in a fixed order, states with no task left out. */
export function countByState(tasks: TaskStatus[]): { state: TaskState; count: number }[] {
  return STATE_ORDER.map((state) => ({
    state,
    count: tasks.filter((task) => task.taskState === state).length,
  })).filter((entry) => entry.count > 0);
}

/** "worker[1]": how the page names a task. */
export const taskLabel = (role: string, index: number) => `${role}[${index}]`;
