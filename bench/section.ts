/** One benchmark section of `npm run bench`: it measures something and reports named figures. */
export interface BenchSection {
  /** Also the `--only` argument. */
  name: string;
  run(context: BenchContext): Promise<Measurement[]>;
}

export interface BenchContext {
  /** `--quick`: fewer samples and smaller workloads, for a fast check. */
  quick: boolean;
}

export interface Measurement {
  metric: string;
  value: number;
  unit: string;
  /** The target as printed, e.g. "≤ 3"; absent for figures given for context. */
  target?: string;
  /** Whether `value` meets `target`. */
  ok?: boolean;
  /** How it was measured (sample count, setup, the absolute times behind a ratio). */
  note?: string;
}

/** The target "at most `limit`". */
export const atMost = (value: number, limit: number, shown = String(limit)) => ({
  target: `≤ ${shown}`,
  ok: value <= limit,
});

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds, for notes: two decimals below 10 ms, one below 1 s. */
export const ms = (value: number) =>
  `${value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0)} ms`;

/** Wall time of `task` in milliseconds. */
export async function timed(task: () => unknown): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}
