import type { TaskMetrics, TaskMetricSample } from '../../../../contract/api-types.ts';

type Sample = TaskMetricSample & { attempt: number };

/** What a set of samples says at a glance; null fields where there were no samples (or no GPU). */
export interface UsageSummary {
  peakRssBytes: number | null;
  averageCpuPercent: number | null;
  peakCpuPercent: number | null;
  peakGpuMemoryBytes: number | null;
}

export function summarizeUsage(samples: Sample[]): UsageSummary {
  if (samples.length === 0) {
    return {
      peakRssBytes: null,
      averageCpuPercent: null,
      peakCpuPercent: null,
      peakGpuMemoryBytes: null,
    };
  }
  const gpu = samples.flatMap((sample) =>
    sample.gpuMemoryBytes === null ? [] : [sample.gpuMemoryBytes],
  );
  const cpu = samples.map((sample) => sample.cpuPercent);
  return {
    peakRssBytes: Math.max(...samples.map((sample) => sample.rssBytes)),
    averageCpuPercent: cpu.reduce((sum, value) => sum + value, 0) / cpu.length,
    peakCpuPercent: Math.max(...cpu),
    peakGpuMemoryBytes: gpu.length > 0 ? Math.max(...gpu) : null,
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

/** "9 %" of a request; "—" when there is nothing to compare. */
export function shareOf(used: number | null, requested: number | null | undefined): string {
  if (used === null || !requested) return '—';
  return `${Math.round((used / requested) * 100)} %`;
}
