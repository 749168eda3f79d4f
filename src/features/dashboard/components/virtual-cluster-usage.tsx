import { Shimmer, Stack, Text } from '@fluentui/react';
import { Card } from '../../../components/card.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { useVirtualClusters } from '../hooks/dashboard-queries.ts';
import { UsageBar } from '../../../components/usage-bar.tsx';

/** CPUs, memory and GPUs in use per virtual cluster. */
export function VirtualClusterUsage() {
  const clusters = useVirtualClusters();
  return (
    <Card title="Virtual clusters">
      {clusters.isError && !clusters.data ? (
        <ErrorBar
          error={clusters.error}
          title="Could not load virtual clusters"
          onRetry={() => clusters.refetch()}
        />
      ) : !clusters.data ? (
        <Shimmer />
      ) : clusters.data.length === 0 ? (
        <Text>This cluster has no virtual clusters.</Text>
      ) : (
        <Stack tokens={{ childrenGap: 16 }}>
          {clusters.data.map((cluster) => (
            <Stack
              key={cluster.name}
              tokens={{ childrenGap: 4 }}
              data-testid={`vc-${cluster.name}`}
            >
              <Text variant="mediumPlus" as="h3" styles={{ root: { margin: 0 } }}>
                <RouterLink to={`/jobs?vc=${encodeURIComponent(cluster.name)}`} underline>
                  {cluster.name}
                </RouterLink>
                <Text variant="small">
                  {' '}
                  · {cluster.numActiveJobs ?? 0} running, {cluster.numPendingJobs ?? 0} waiting
                </Text>
              </Text>
              <UsageBar
                label="CPUs"
                used={cluster.resourcesUsed.vCores}
                total={cluster.resourcesTotal.vCores}
              />
              <UsageBar
                label="Memory"
                used={cluster.resourcesUsed.memory / 1024}
                total={cluster.resourcesTotal.memory / 1024}
                unit=" GB"
              />
              <UsageBar
                label="GPUs"
                used={cluster.resourcesUsed.GPUs}
                total={cluster.resourcesTotal.GPUs}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
