import { DefaultButton, mergeStyleSets, Stack, Text } from '@fluentui/react';
import { useIsFetching, useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import { clusterInfoQueryOptions } from '../../../api/cluster/get-cluster-info.ts';
import { IsolationNotice } from '../../../components/isolation-notice.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { WrapRow } from '../../../components/wrap-row.tsx';
import { useSession } from '../../../lib/use-session.ts';
import { DASHBOARD_KEYS } from '../hooks/dashboard-queries.ts';
import { JobCounts } from './job-counts.tsx';
import { RecentJobs } from './recent-jobs.tsx';
import { VirtualClusterUsage } from './virtual-cluster-usage.tsx';

const classes = mergeStyleSets({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))',
    gap: 16,
    alignItems: 'start',
  },
});

/** Whether a query belongs to one of the cards. */
const onDashboard = (query: Query) =>
  DASHBOARD_KEYS.some((prefix) => prefix.every((part, index) => query.queryKey[index] === part));

/** When the newest dashboard answer arrived. */
function useLastUpdated(): number {
  const queryClient = useQueryClient();
  useIsFetching({ predicate: onDashboard }); // re-render when a refresh starts or ends
  const times = queryClient
    .getQueryCache()
    .findAll({ predicate: onDashboard })
    .map((query) => query.state.dataUpdatedAt);
  return Math.max(0, ...times);
}

/** Home: job counts, virtual-cluster usage and recent jobs, refreshed while open. */
export function DashboardPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const fetching = useIsFetching({ predicate: onDashboard }) > 0;
  const lastUpdated = useLastUpdated();
  const clusterInfo = useQuery(clusterInfoQueryOptions());
  if (!session) return null;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <WrapRow gap={8} spread>
        <Text as="h1" variant="xLarge" styles={{ root: { margin: 0 } }}>
          Welcome, {session.user}
        </Text>
        <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
          <Text variant="small" data-testid="last-updated">
            {lastUpdated > 0 ? (
              <>
                Updated <RelativeTime time={lastUpdated} />
              </>
            ) : (
              'Loading…'
            )}
          </Text>
          <DefaultButton
            iconProps={{ iconName: 'Refresh' }}
            disabled={fetching}
            onClick={() => queryClient.invalidateQueries({ predicate: onDashboard })}
          >
            Refresh
          </DefaultButton>
        </Stack>
      </WrapRow>
      <IsolationNotice isolation={clusterInfo.data?.taskIsolation} admin={session.admin} />
      <div className={classes.grid}>
        <Stack tokens={{ childrenGap: 16 }}>
          <JobCounts title="My jobs" username={session.user} />
          {session.admin ? <JobCounts title="All jobs" username={null} /> : null}
        </Stack>
        <VirtualClusterUsage />
      </div>
      <RecentJobs username={session.user} />
    </Stack>
  );
}
