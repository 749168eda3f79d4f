import { ColumnActionsMode, type IColumn } from '@fluentui/react';
import type { ReactNode } from 'react';
import type { JobListItem, JobOrderField } from '../../../../contract/api-types.ts';
import { jobDuration } from '../../../../contract/job-state.ts';
import { JobNameLink } from '../../../components/job-name-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { StateBadge } from '../../../components/state-badge.tsx';
import { formatDuration } from '../../../lib/format.ts';

interface ColumnSpec {
  key: string;
  name: string;
  /** Server sort field; absent: not sortable (duration depends on "now"). */
  sort?: JobOrderField;
  minWidth: number;
  maxWidth?: number;
  render: (job: JobListItem, now: number) => ReactNode;
}

const specs: ColumnSpec[] = [
  {
    key: 'name',
    name: 'Name',
    sort: 'name',
    minWidth: 180,
    render: (job) => <JobNameLink job={job} />,
  },
  {
    key: 'user',
    name: 'User',
    sort: 'username',
    minWidth: 80,
    maxWidth: 140,
    render: (job) => job.username,
  },
  {
    key: 'vc',
    name: 'Virtual cluster',
    sort: 'virtualCluster',
    minWidth: 90,
    maxWidth: 140,
    render: (job) => job.virtualCluster,
  },
  {
    key: 'submitted',
    name: 'Submitted',
    sort: 'createdTime',
    minWidth: 110,
    maxWidth: 150,
    render: (job) => <RelativeTime time={job.createdTime} />,
  },
  {
    key: 'duration',
    name: 'Duration',
    minWidth: 70,
    maxWidth: 100,
    render: (job, now) => formatDuration(jobDuration(job, now)),
  },
  {
    key: 'retries',
    name: 'Retries',
    sort: 'retries',
    minWidth: 50,
    maxWidth: 70,
    render: (job) => job.retries,
  },
  {
    key: 'tasks',
    name: 'Tasks',
    sort: 'totalTaskNumber',
    minWidth: 45,
    maxWidth: 60,
    render: (job) => job.totalTaskNumber,
  },
  {
    key: 'gpus',
    name: 'GPUs',
    sort: 'totalGpuNumber',
    minWidth: 45,
    maxWidth: 60,
    render: (job) => job.totalGpuNumber,
  },
  {
    key: 'state',
    name: 'State',
    sort: 'state',
    minWidth: 100,
    maxWidth: 120,
    render: (job) => <StateBadge job={job} />,
  },
];

export interface SortState {
  field: JobOrderField;
  descending: boolean;
}

/** The list's columns; sortable headers carry the server sort field in `data`. */
export function jobColumns(sort: SortState, now: number): IColumn[] {
  return specs.map((spec) => ({
    key: spec.key,
    name: spec.name,
    minWidth: spec.minWidth,
    maxWidth: spec.maxWidth,
    isResizable: true,
    data: spec.sort,
    isSorted: spec.sort === sort.field,
    isSortedDescending: spec.sort === sort.field && sort.descending,
    sortAscendingAriaLabel: 'Sorted A to Z, oldest first',
    sortDescendingAriaLabel: 'Sorted Z to A, newest first',
    columnActionsMode: spec.sort ? ColumnActionsMode.clickable : ColumnActionsMode.disabled,
    onRender: (job: JobListItem) => spec.render(job, now),
  }));
}
