import { Stack, Text } from '@fluentui/react';
import type { TaskMetrics } from '../../../../../contract/api-types.ts';
import {
  formatBytes,
  formatCores,
  seriesByAttempt,
  summarizeUsage,
} from '../../model/resource-usage.ts';
import { taskLabel } from '../../model/task-summary.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';
import { counted } from '../../../../../contract/words.ts';

/** One task's charts: CPU against its cores, memory against its limit, GPU memory where reported. */
export function TaskResources({ metrics }: { metrics: TaskMetrics }) {
  const { samples, requested } = metrics;
  const label = taskLabel(metrics.taskRole, metrics.taskIndex);
  const usage = summarizeUsage(samples);
  const last = samples.at(-1);
  return (
    <section aria-label={`Resources of ${label}`}>
      <Text as="h4" variant="medium" block styles={{ root: { margin: '0 0 4px' } }}>
        {label}
      </Text>
      {!last ? (
        <Text variant="small">No samples yet: they are taken while the task runs.</Text>
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
          {usage.peakGpuMemoryBytes !== null && (
            <TimeSeriesChart
              title="GPU memory"
              lines={seriesByAttempt(samples, (sample) => sample.gpuMemoryBytes)}
              summary={`now ${last.gpuMemoryBytes === null ? '—' : formatBytes(last.gpuMemoryBytes)}, peak ${formatBytes(usage.peakGpuMemoryBytes)} on ${counted(requested.gpuNumber, 'GPU')}`}
            />
          )}
        </Stack>
      )}
    </section>
  );
}
