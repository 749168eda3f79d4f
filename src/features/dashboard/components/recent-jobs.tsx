import {
  DetailsList,
  DetailsListLayoutMode,
  SelectionMode,
  Shimmer,
  Text,
  type IColumn,
} from '@fluentui/react';
import type { JobListItem } from '../../../../contract/api-types.ts';
import { Card } from '../../../components/card.tsx';
import { JobDuration } from '../../../components/job-duration.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { JobNameLink } from '../../../components/job-name-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { StateBadge } from '../../../components/state-badge.tsx';
import { jobKey } from '../../../lib/job-links.ts';
import { useElementWidth } from '../../../lib/use-element-width.ts';
import { useRecentJobs } from '../hooks/dashboard-queries.ts';

const columns: IColumn[] = [
  {
    key: 'name',
    name: 'Name',
    minWidth: 120,
    isResizable: true,
    onRender: (job: JobListItem) => <JobNameLink job={job} />,
  },
  {
    key: 'submitted',
    name: 'Submitted',
    minWidth: 110,
    onRender: (job: JobListItem) => <RelativeTime time={job.createdTime} />,
  },
  {
    key: 'duration',
    name: 'Duration',
    minWidth: 70,
    onRender: (job: JobListItem) => <JobDuration job={job} />,
  },
  { key: 'vc', name: 'Virtual cluster', minWidth: 100, fieldName: 'virtualCluster' },
  {
    key: 'state',
    name: 'State',
    minWidth: 100,
    onRender: (job: JobListItem) => <StateBadge job={job} />,
  },
];

/** Name and State always; the others while they fit (minimum widths plus Fluent's cell padding). */
function columnsThatFit(width: number): IColumn[] {
  if (width <= 0) return columns;
  let used = columns
    .filter((column) => column.key === 'name' || column.key === 'state')
    .reduce((sum, column) => sum + column.minWidth + 20, 0);
  return columns.filter((column) => {
    if (column.key === 'name' || column.key === 'state') return true;
    used += column.minWidth + 20;
    return used <= width;
  });
}

/** The person's 10 most recent jobs. */
export function RecentJobs({ username }: { username: string }) {
  const recent = useRecentJobs(username);
  const [measure, width] = useElementWidth<HTMLDivElement>();
  return (
    <Card
      title="My recent jobs"
      actions={
        <RouterLink to={`/jobs?user=${encodeURIComponent(username)}`}>All my jobs</RouterLink>
      }
    >
      {recent.isError && !recent.data ? (
        <ErrorBar
          error={recent.error}
          title="Could not load recent jobs"
          onRetry={() => recent.refetch()}
        />
      ) : !recent.data ? (
        <Shimmer />
      ) : recent.data.length === 0 ? (
        <Text as="p">
          You have no jobs yet. <RouterLink to="/submit">Submit your first job</RouterLink>.
        </Text>
      ) : (
        <div ref={measure}>
          <DetailsList
            items={recent.data}
            columns={columnsThatFit(width)}
            getKey={(job: JobListItem) => jobKey(job)}
            setKey="recent-jobs"
            selectionMode={SelectionMode.none}
            layoutMode={DetailsListLayoutMode.justified}
            compact
            ariaLabelForGrid="My recent jobs"
            // Ten rows: no virtualization (it measures the rows and renders them twice).
            onShouldVirtualize={() => false}
          />
        </div>
      )}
    </Card>
  );
}
