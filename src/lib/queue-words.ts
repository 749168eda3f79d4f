import type { JobQueueStatus, Resources } from '../../contract/api-types.ts';
import { counted as count } from '../../contract/words.ts';

const RESOURCES: { key: keyof Resources; amount: (n: number) => string }[] = [
  { key: 'gpus', amount: (n) => count(n, 'GPU', 'GPUs') },
  { key: 'cpus', amount: (n) => count(n, 'CPU', 'CPUs') },
  { key: 'memoryMB', amount: (n) => `${n} MB of memory` },
];

/** "needs 4 GPUs; 2 free", or for several: "needs 4 GPUs and 3 CPUs; 2 GPUs and 1 CPU free". */
function shortfall(needs: Resources, free: Resources): string | null {
  const short = RESOURCES.filter(({ key }) => needs[key] > free[key]);
  if (short.length === 0) return null;
  if (short.length === 1) {
    const [{ key, amount }] = short as [(typeof RESOURCES)[number]];
    return `needs ${amount(needs[key])}; ${free[key]} free`;
  }
  const list = (of: Resources) => short.map(({ key, amount }) => amount(of[key])).join(' and ');
  return `needs ${list(needs)}; ${list(free)} free`;
}

/**
 * What a waiting job waits for, in words (docs/api.md §5.3, `queue`): the runtime's own reason,
 * the jobs ahead of it in its virtual cluster's queue, or the resources it lacks.
 */
export function waitingFor(queue: JobQueueStatus): string {
  if (queue.reason) return queue.reason;
  const parts: string[] = [];
  if (queue.jobsAhead) parts.push(`waits behind ${count(queue.jobsAhead, 'job', 'jobs')}`);
  const lacking = queue.free ? shortfall(queue.needs, queue.free) : null;
  if (lacking) parts.push(lacking);
  if (parts.length === 0) return queue.free ? 'starts at the next scheduling pass' : 'waiting';
  return parts.join('; ');
}

/** "1st", "2nd", "3rd", "11th": the job's place in its queue. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
