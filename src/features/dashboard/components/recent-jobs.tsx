import {
  DetailsList,
  DetailsListLayoutMode,
  SelectionMode,
  Shimmer,
  Text,
  type IColumn,
} from '@fluentui/react';
import type { JobListItem } from '../../../../contract/api-types.ts';
import { jobDuration } from '../../../../contract/job-state.ts';
import { Card } from '../../../components/card.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { JobNameLink } from '../../../components/job-name-link.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { StateBadge } from '../../../components/state-badge.tsx';
import { formatDuration } from '../../../lib/format.ts';
import { jobKey } from '../../../lib/job-links.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useRecentJobs } from '../hooks/dashboard-queries.ts';

function columns(now: number): IColumn[] {
  return [
    {
      key: 'name',
      name: 'Name',
      minWidth: 160,
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
      onRender: (job: JobListItem) => formatDuration(jobDuration(job, now)),
    },
    { key: 'vc', name: 'Virtual cluster', minWidth: 100, fieldName: 'virtualCluster' },
    {
      key: 'state',
      name: 'State',
      minWidth: 100,
      onRender: (job: JobListItem) => <StateBadge job={job} />,
    },
  ];
}

/** The person's 10 most recent jobs. */
export function RecentJobs({ username }: { username: string }) {
  const recent = useRecentJobs(username);
  const now = useNow(5_000);
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
        <DetailsList
          items={recent.data}
          columns={columns(now)}
          getKey={(job: JobListItem) => jobKey(job)}
          setKey="recent-jobs"
          selectionMode={SelectionMode.none}
          layoutMode={DetailsListLayoutMode.justified}
          compact
          ariaLabelForGrid="My recent jobs"
        />
      )}
    </Card>
  );
}
