import { mergeStyleSets, Stack, Text } from '@fluentui/react';
import type { ReactNode } from 'react';
import type { JobStatus } from '../../../../contract/api-types.ts';
import { isTerminal } from '../../../../contract/job-state.ts';
import { ExitCode } from '../../../components/exit-code.tsx';
import { JobDuration, QueueTime } from '../../../components/job-duration.tsx';
import { LegacyBadge } from '../../../components/legacy-badge.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { WrapRow } from '../../../components/wrap-row.tsx';
import { StateBadge } from '../../../components/state-badge.tsx';

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
  const { retryDetails } = status;
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <WrapRow gap={12}>
        <Text as="h1" variant="xLarge" styles={{ root: { margin: 0, wordBreak: 'break-all' } }}>
          {jobName}
        </Text>
        <StateBadge job={status} />
        {legacy && <LegacyBadge />}
      </WrapRow>
      {actions}
      <dl className={classes.facts}>
        <Fact term="User">{status.username}</Fact>
        <Fact term="Virtual cluster">{status.virtualCluster}</Fact>
        <Fact term="Submitted">
          {status.createdTime ? <RelativeTime time={status.createdTime} /> : '—'}
        </Fact>
        <Fact term="Queued for">
          <QueueTime job={status} />
        </Fact>
        <Fact term="Started">
          <Moment time={status.appLaunchedTime} missing={notYetOr(status, 'never')} />
        </Fact>
        <Fact term="Completed">
          <Moment time={status.completedTime} missing={notYetOr(status, 'not recorded')} />
        </Fact>
        <Fact term="Duration">
          <JobDuration job={status} />
        </Fact>
        {status.appExitCode !== null && (
          <Fact term="Exit code">
            <ExitCode code={status.appExitCode} />
          </Fact>
        )}
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

/** "not yet" only while the job can still get there; an ended or imported job did not record it. */
function notYetOr(status: JobStatus, ended: string): string {
  if (status.imported) return 'not recorded';
  return isTerminal(status.state) ? ended : 'not yet';
}

function Moment({ time, missing }: { time: number | null; missing: string }) {
  return time ? <RelativeTime time={time} /> : <i>{missing}</i>;
}
