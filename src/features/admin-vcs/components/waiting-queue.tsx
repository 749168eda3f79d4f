import { Shimmer, Text } from '@fluentui/react';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { JobNameLink } from '../../../components/job-name-link.tsx';
import { QUEUE_LENGTH, useWaitingQueue } from '../hooks/vc-admin-queries.ts';

/** The VC's waiting jobs, first to start first. */
export function WaitingQueue({ virtualCluster }: { virtualCluster: string }) {
  const queue = useWaitingQueue(virtualCluster);
  if (queue.isError && !queue.data)
    return <ErrorBar error={queue.error} title="Could not load the waiting queue" />;
  if (!queue.data) return <Shimmer />;
  const { jobs, totalCount } = queue.data;
  if (jobs.length === 0) return <Text variant="small">No job is waiting.</Text>;
  return (
    <>
      <ol aria-label={`Waiting queue of ${virtualCluster}`} style={{ margin: 0 }}>
        {jobs.map((job) => (
          <li key={`${job.username}/${job.name}`}>
            <JobNameLink job={job} /> <Text variant="small">by {job.username}</Text>
          </li>
        ))}
      </ol>
      {totalCount > QUEUE_LENGTH ? (
        <Text variant="small">and {totalCount - QUEUE_LENGTH} more</Text>
      ) : null}
    </>
  );
}
