import { mergeStyleSets, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import type { JobDetail, TaskMetrics } from '../../../../../contract/api-types.ts';
import { counted } from '../../../../../contract/words.ts';
import { errorMessage } from '../../../../lib/pai-error.ts';
import { useTaskMetrics } from '../../hooks/resource-queries.ts';
import type { JobRef } from '../../model/job-ref.ts';
import { whyNoTasks } from '../../model/no-tasks.ts';
import {
  formatBytes,
  formatCores,
  formatPercent,
  shareOf,
  summarizeRole,
  type UsageSummary,
} from '../../model/resource-usage.ts';
import { TaskResources } from './task-resources.tsx';

/** More tasks than this are summed up in the table but not charted one by one. */
const MAX_CHARTED_TASKS = 32;

const classes = mergeStyleSets({
  table: {
    borderCollapse: 'collapse',
    selectors: { 'th, td': { textAlign: 'left', padding: '4px 12px 4px 0' } },
  },
});

interface ResourcePanelProps {
  job: JobRef;
  detail: JobDetail;
  mayRead: boolean;
}

/** The Resources tab: use against request per task role, then each task's charts. */
export default function ResourcePanel({ job, detail, mayRead }: ResourcePanelProps) {
  const tasks = Object.entries(detail.taskRoles)
    .flatMap(([role, { taskStatuses }]) =>
      taskStatuses.map((task) => ({
        role,
        index: task.taskIndex,
        running: task.taskState === 'RUNNING',
      })),
    )
    .slice(0, MAX_CHARTED_TASKS);
  const results = useTaskMetrics(job, mayRead ? tasks : []);
  if (!mayRead)
    return (
      <Text>Resource use is shown only to {detail.jobStatus.username} and administrators.</Text>
    );
  if (tasks.length === 0) return <Text>{whyNoTasks(detail.jobStatus)}</Text>;
  const failed = results.find((result) => result.isError && result.data === undefined);
  if (failed)
    return (
      <MessageBar messageBarType={MessageBarType.error}>
        Could not load resource use: {errorMessage(failed.error)}
      </MessageBar>
    );
  const loaded = results.flatMap((result) => (result.data ? [result.data] : []));
  if (loaded.length < tasks.length) return <Spinner label="Loading resource use…" />;
  const roles = [...new Set(loaded.map((metrics) => metrics.taskRole))];
  return (
    <Stack tokens={{ childrenGap: 20 }}>
      <UsageTable
        rows={roles.map((role) => ({
          role,
          usage: summarizeRole(loaded.filter((metrics) => metrics.taskRole === role)),
        }))}
      />
      {loaded.map((metrics: TaskMetrics) => (
        <TaskResources key={`${metrics.taskRole}/${metrics.taskIndex}`} metrics={metrics} />
      ))}
    </Stack>
  );
}

type RoleUsage = UsageSummary & { requested: TaskMetrics['requested'] | null };

function UsageTable({ rows }: { rows: { role: string; usage: RoleUsage }[] }) {
  return (
    <table className={classes.table} aria-label="Use against request, per task role">
      <caption>
        <Text variant="small">
          Per task: the peak memory and the mean CPU and GPU use of any task of the role, against
          what each task asked for.
        </Text>
      </caption>
      <thead>
        <tr>
          <th scope="col">Task role</th>
          <th scope="col">Peak memory / requested</th>
          <th scope="col">Average CPU / requested</th>
          <th scope="col">GPU: average use, peak memory</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ role, usage }) => (
          <tr key={role}>
            <th scope="row">{role}</th>
            <td>
              {usage.peakRssBytes === null
                ? '—'
                : `${formatBytes(usage.peakRssBytes)} of ${formatBytes(usage.requested!.memoryBytes)} (${shareOf(usage.peakRssBytes, usage.requested?.memoryBytes)})`}
            </td>
            <td>
              {usage.averageCpuPercent === null
                ? '—'
                : `${formatCores(usage.averageCpuPercent)} of ${usage.requested!.cpuNumber} (${shareOf(usage.averageCpuPercent, (usage.requested?.cpuNumber ?? 0) * 100)})`}
            </td>
            <td>{gpuCell(usage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function gpuCell(usage: RoleUsage): string {
  const requested = `${counted(usage.requested?.gpuNumber ?? 0, 'GPU')} requested`;
  if (usage.averageGpuPercent === null && usage.peakGpuMemoryBytes === null)
    return `not reported (${requested})`;
  const use = usage.averageGpuPercent === null ? '—' : formatPercent(usage.averageGpuPercent);
  const memory = usage.peakGpuMemoryBytes === null ? '—' : formatBytes(usage.peakGpuMemoryBytes);
  return `${use}, ${memory} (${requested})`;
}
