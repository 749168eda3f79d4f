import type { TaskMetrics, TaskMetricSample } from '../../../../contract/api-types.ts';

type Sample = TaskMetricSample & { attempt: number };

/** What a set of samples says at a glance; null fields where there were no samples (or no GPU). */
export interface UsageSummary {
  peakRssBytes: number | null;
  averageCpuPercent: number | null;
  peakCpuPercent: number | null;
  peakGpuMemoryBytes: number | null;
  averageGpuPercent: number | null;
  peakGpuPercent: number | null;
}

const mean = (values: number[]) =>
  values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
const peak = (values: number[]) => (values.length > 0 ? Math.max(...values) : null);

export function summarizeUsage(samples: Sample[]): UsageSummary {
  const reported = (value: (sample: Sample) => number | null) =>
    samples.flatMap((sample) => {
      const y = value(sample);
      return y === null ? [] : [y];
    });
  const cpu = samples.map((sample) => sample.cpuPercent);
  const gpu = reported((sample) => sample.gpuPercent);
  return {
    peakRssBytes: peak(samples.map((sample) => sample.rssBytes)),
    averageCpuPercent: mean(cpu),
    peakCpuPercent: peak(cpu),
    peakGpuMemoryBytes: peak(reported((sample) => sample.gpuMemoryBytes)),
    averageGpuPercent: mean(gpu),
    peakGpuPercent: peak(gpu),
  };
}

/** One task role's use against what each of its tasks asked for (the peak and mean of any task). */
export function summarizeRole(metrics: TaskMetrics[]): UsageSummary & {
  requested: TaskMetrics['requested'] | null;
} {
  return {
    ...summarizeUsage(metrics.flatMap((task) => task.samples)),
    requested: metrics[0]?.requested ?? null,
  };
}

/** A chart's points: one line per attempt, so the gap between attempts is not drawn over. */
export function seriesByAttempt(
  samples: Sample[],
  value: (sample: Sample) => number | null,
): { time: number; value: number }[][] {
  const lines = new Map<number, { time: number; value: number }[]>();
  for (const sample of samples) {
    const y = value(sample);
    if (y === null) continue;
    const line = lines.get(sample.attempt) ?? [];
    line.push({ time: sample.time, value: y });
    lines.set(sample.attempt, line);
  }
  return [...lines.values()];
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** "3.2 GB", "512 MB" (binary multiples, as memoryMB is). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 || unit === 0 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** CPU use in cores: 100 % is one core busy. */
export const formatCores = (percent: number) =>
  `${(percent / 100).toFixed(percent >= 1000 ? 0 : 2)} cores`;

/** GPU utilisation: "37 %". */
export const formatPercent = (percent: number) => `${Math.round(percent)} %`;

/** "9 %" of a request; "—" when there is nothing to compare. */
export function shareOf(used: number | null, requested: number | null | undefined): string {
  if (used === null || !requested) return '—';
  return `${Math.round((used / requested) * 100)} %`;
}
