import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCores,
  formatPercent,
  seriesByAttempt,
  shareOf,
  summarizeRole,
  summarizeUsage,
} from './resource-usage.ts';

const sample = (
  attempt: number,
  time: number,
  cpu: number,
  rss: number,
  gpu: number | null,
  gpuPercent: number | null = null,
) => ({
  attempt,
  time,
  cpuPercent: cpu,
  rssBytes: rss,
  gpuMemoryBytes: gpu,
  gpuPercent,
});

describe('resource usage', () => {
  it('summarizes peak memory, mean and peak CPU, GPU use and memory only where reported', () => {
    const summary = summarizeUsage([sample(0, 1, 50, 100, null), sample(0, 2, 150, 300, null)]);
    expect(summary).toEqual({
      peakRssBytes: 300,
      averageCpuPercent: 100,
      peakCpuPercent: 150,
      peakGpuMemoryBytes: null,
      averageGpuPercent: null,
      peakGpuPercent: null,
    });
    expect(summarizeUsage([sample(0, 1, 0, 0, 7)]).peakGpuMemoryBytes).toBe(7);
    expect(summarizeUsage([]).peakRssBytes).toBeNull();
    // Samples without a GPU reading (before the first, or from an older server) do not count.
    const gpu = summarizeUsage([
      sample(0, 1, 0, 0, null, null),
      sample(0, 2, 0, 0, 7, 20),
      sample(0, 3, 0, 0, 7, 60),
    ]);
    expect(gpu).toMatchObject({ averageGpuPercent: 40, peakGpuPercent: 60 });
    expect(formatPercent(gpu.averageGpuPercent!)).toBe('40 %');
  });

  it('compares a role with what its tasks asked for: asked 32 GB, used 3', () => {
    const requested = { cpuNumber: 4, memoryBytes: 32 * 1024 ** 3, gpuNumber: 0 };
    const task = (rss: number) => ({
      taskRole: 'main',
      taskIndex: 0,
      requested,
      intervalSeconds: 5,
      samples: [sample(0, 1, 100, rss, null)],
      notSampled: null,
    });
    const role = summarizeRole([task(1024 ** 3), task(3 * 1024 ** 3)]);
    expect(role.requested).toBe(requested);
    expect(formatBytes(role.peakRssBytes!)).toBe('3.0 GB');
    expect(shareOf(role.peakRssBytes, requested.memoryBytes)).toBe('9 %');
    expect(shareOf(role.averageCpuPercent, requested.cpuNumber * 100)).toBe('25 %');
    expect(shareOf(null, 5)).toBe('—');
  });

  it('draws one line per attempt', () => {
    const lines = seriesByAttempt(
      [sample(0, 1, 1, 0, null), sample(0, 2, 2, 0, null), sample(1, 9, 3, 0, null)],
      (point) => point.cpuPercent,
    );
    expect(lines).toEqual([
      [
        { time: 1, value: 1 },
        { time: 2, value: 2 },
      ],
      [{ time: 9, value: 3 }],
    ]);
  });

  it('formats bytes and cores', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(512 * 1024 * 1024)).toBe('512 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatCores(250)).toBe('2.50 cores');
  });
});
