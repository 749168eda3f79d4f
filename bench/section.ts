/** One benchmark section of `npm run bench`: it measures something and reports named figures. */
export interface BenchSection {
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
  /** How it was measured (sample count, setup) or the target it is held against. */
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
