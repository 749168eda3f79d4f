import { mergeStyleSets, Stack, Text } from '@fluentui/react';
import type { ReactNode } from 'react';
import type { JobStatus } from '../../../../contract/api-types.ts';
import { jobDuration } from '../../../../contract/job-state.ts';
import { LegacyBadge } from '../../../components/legacy-badge.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { StateBadge } from '../../../components/state-badge.tsx';
import { formatDuration } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';

const classes = mergeStyleSets({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: '8px 24px',
    margin: 0,
  },
  term: { fontSize: 12, opacity: 0.75 },
  value: { margin: 0 },
});

interface JobHeaderProps {
  jobName: string;
  legacy: boolean;
  status: JobStatus;
  actions: ReactNode;
}

/** Name, state and the facts people look for first: who, where, when, how long, how many retries. */
export function JobHeader({ jobName, legacy, status, actions }: JobHeaderProps) {
  const now = useNow(1000);
  const { retryDetails } = status;
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 12 }}>
        <Text as="h1" variant="xLarge" styles={{ root: { margin: 0, wordBreak: 'break-all' } }}>
          {jobName}
        </Text>
        <StateBadge job={status} />
        {legacy && <LegacyBadge />}
      </Stack>
      {actions}
      <dl className={classes.facts}>
        <Fact term="User">{status.username}</Fact>
        <Fact term="Virtual cluster">{status.virtualCluster}</Fact>
        <Fact term="Submitted">
          {status.createdTime ? <RelativeTime time={status.createdTime} /> : '—'}
        </Fact>
        <Fact term="Started">
          {status.appLaunchedTime ? <RelativeTime time={status.appLaunchedTime} /> : 'not yet'}
        </Fact>
        <Fact term="Completed">
          {status.completedTime ? <RelativeTime time={status.completedTime} /> : 'not yet'}
        </Fact>
        <Fact term="Duration">
          {status.createdTime ? formatDuration(jobDuration(status, now)) : '—'}
        </Fact>
        <Fact term="Retries">
          {status.retries}{' '}
          <span title="Retries caused by the job's own failures, by the platform, and by missing resources">
            (user {retryDetails.user}, platform {retryDetails.platform}, resource{' '}
            {retryDetails.resource})
          </span>
        </Fact>
      </dl>
    </Stack>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className={classes.term}>{term}</dt>
      <dd className={classes.value}>{children}</dd>
    </div>
  );
}
