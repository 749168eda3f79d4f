import { Stack, Text } from '@fluentui/react';
import type { TaskMetrics } from '../../../../../contract/api-types.ts';
import {
  formatBytes,
  formatCores,
  formatPercent,
  seriesByAttempt,
  summarizeUsage,
} from '../../model/resource-usage.ts';
import { taskLabel } from '../../model/task-summary.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';
import { counted } from '../../../../../contract/words.ts';

/**
 * One task's charts: CPU against its cores, memory against its limit, and where reported the
 * utilisation of its GPUs (mean over them, against 100 %) and their memory.
 */
export function TaskResources({ metrics }: { metrics: TaskMetrics }) {
  const { samples, requested } = metrics;
  const label = taskLabel(metrics.taskRole, metrics.taskIndex);
  const usage = summarizeUsage(samples);
  const last = samples.at(-1);
  const gpus = counted(requested.gpuNumber, 'GPU');
  return (
    <section aria-label={`Resources of ${label}`}>
      <Text as="h4" variant="medium" block styles={{ root: { margin: '0 0 4px' } }}>
        {label}
      </Text>
      {!last ? (
        <Text variant="small">
          {metrics.notSampled ?? 'No samples yet: they are taken while the task runs.'}
        </Text>
      ) : (
        <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
          <TimeSeriesChart
            title="CPU"
            lines={seriesByAttempt(samples, (sample) => sample.cpuPercent)}
            limit={requested.cpuNumber * 100}
            summary={`now ${formatCores(last.cpuPercent)}, average ${formatCores(usage.averageCpuPercent!)}, peak ${formatCores(usage.peakCpuPercent!)} of ${requested.cpuNumber} requested`}
          />
          <TimeSeriesChart
            title="Memory (RSS)"
            lines={seriesByAttempt(samples, (sample) => sample.rssBytes)}
            limit={requested.memoryBytes}
            summary={`now ${formatBytes(last.rssBytes)}, peak ${formatBytes(usage.peakRssBytes!)} of ${formatBytes(requested.memoryBytes)} limit`}
          />
          {usage.peakGpuPercent !== null && (
            <TimeSeriesChart
              title="GPU utilisation"
              lines={seriesByAttempt(samples, (sample) => sample.gpuPercent)}
              limit={100}
              summary={`now ${last.gpuPercent === null ? '—' : formatPercent(last.gpuPercent)}, average ${formatPercent(usage.averageGpuPercent!)}, peak ${formatPercent(usage.peakGpuPercent)} of ${gpus}`}
            />
          )}
          {usage.peakGpuMemoryBytes !== null && (
            <TimeSeriesChart
              title="GPU memory"
              lines={seriesByAttempt(samples, (sample) => sample.gpuMemoryBytes)}
              summary={`now ${last.gpuMemoryBytes === null ? '—' : formatBytes(last.gpuMemoryBytes)}, peak ${formatBytes(usage.peakGpuMemoryBytes)} on ${gpus}`}
            />
          )}
        </Stack>
      )}
    </section>
  );
}
