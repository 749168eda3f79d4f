import { ColumnActionsMode, type IColumn } from '@fluentui/react';
import type { ReactNode } from 'react';
import type { JobListItem, JobOrderField } from '../../../../contract/api-types.ts';
import { JobDuration, QueueTimeNote } from '../../../components/job-duration.tsx';
import { JobNameLink } from '../../../components/job-name-link.tsx';
import { QueueHint } from '../../../components/queue-hint.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { StateBadge } from '../../../components/state-badge.tsx';

interface ColumnSpec {
  key: string;
  name: string;
  /** Server sort field; absent: not sortable (duration depends on "now"). */
  sort?: JobOrderField;
  minWidth: number;
  maxWidth?: number;
  render: (job: JobListItem) => ReactNode;
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
    minWidth: 120, // its header in full, with the sort arrow
    maxWidth: 160,
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
    render: (job) => (
      <>
        <JobDuration job={job} />
        <QueueTimeNote job={job} />
      </>
    ),
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
    render: (job) => (
      <>
        <StateBadge job={job} />
        {job.queue && job.executionType !== 'STOP' && <QueueHint queue={job.queue} />}
      </>
    ),
  },
];

export interface SortState {
  field: JobOrderField;
  descending: boolean;
}

/** Which columns stay when the list is narrow: Name and State always, the rest as room allows. */
const PRIORITY = [
  'name',
  'state',
  'user',
  'submitted',
  'duration',
  'vc',
  'retries',
  'tasks',
  'gpus',
];
/** Fluent's cell padding (both sides) and the selection check column. */
const CELL_PADDING = 32;
const CHECK_COLUMN = 48;

/** The column keys that fit in `width` px (all of them before the list is measured). */
export function columnsThatFit(width: number): Set<string> {
  if (width <= 0) return new Set(PRIORITY);
  const kept = new Set<string>();
  let used = CHECK_COLUMN;
  for (const key of PRIORITY) {
    const spec = specs.find((candidate) => candidate.key === key)!;
    const needed = (key === 'name' ? NARROW_NAME_WIDTH : spec.minWidth) + CELL_PADDING;
    if (kept.size >= 2 && used + needed > width) break;
    kept.add(key);
    used += needed;
  }
  return kept;
}

/** Name may shrink to this on a phone; it wraps rather than hiding State. */
const NARROW_NAME_WIDTH = 120;

/** The list's columns that fit `width`; sortable headers carry the server sort field in `data`. */
export function jobColumns(sort: SortState, width = 0): IColumn[] {
  return jobColumnsOf(sort, columnsThatFit(width));
}

/** The list's columns of these keys (from `columnsThatFit`). */
export function jobColumnsOf(sort: SortState, kept: ReadonlySet<string>): IColumn[] {
  const narrow = !kept.has('submitted');
  return specs
    .filter((spec) => kept.has(spec.key))
    .map((spec) => ({
      key: spec.key,
      name: spec.name,
      minWidth: narrow && spec.key === 'name' ? NARROW_NAME_WIDTH : spec.minWidth,
      maxWidth: spec.maxWidth,
      isResizable: true,
      data: spec.sort,
      isSorted: spec.sort === sort.field,
      isSortedDescending: spec.sort === sort.field && sort.descending,
      sortAscendingAriaLabel: 'Sorted A to Z, oldest first',
      sortDescendingAriaLabel: 'Sorted Z to A, newest first',
      columnActionsMode: spec.sort ? ColumnActionsMode.clickable : ColumnActionsMode.disabled,
      onRender: (job: JobListItem) => spec.render(job),
    }));
}
