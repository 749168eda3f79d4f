import { Text, useTheme } from '@fluentui/react';
import type { NamedVirtualCluster } from '../../../api/virtual-clusters/get-virtual-clusters.ts';

const gb = (memoryMB: number) => `${(memoryMB / 1024).toFixed(memoryMB % 1024 === 0 ? 0 : 1)} GB`;

/** What the chosen virtual cluster has free now, of its whole capacity (the most one job may use). */
export function VirtualClusterFree({ cluster }: { cluster: NamedVirtualCluster | undefined }) {
  const theme = useTheme();
  if (!cluster) return null;
  const { resourcesTotal: total, resourcesUsed: used } = cluster;
  const rows: [string, string][] = [
    ['CPUs', `${Math.max(0, total.vCores - used.vCores)} of ${total.vCores}`],
    ['Memory', `${gb(Math.max(0, total.memory - used.memory))} of ${gb(total.memory)}`],
    ['GPUs', `${Math.max(0, total.GPUs - used.GPUs)} of ${total.GPUs}`],
  ];
  return (
    <section
      aria-label={`Free in virtual cluster ${cluster.name}`}
      style={{
        border: `1px solid ${theme.palette.neutralLight}`,
        borderRadius: 4,
        padding: '8px 12px',
        marginBottom: 12,
      }}
    >
      <Text block styles={{ root: { fontWeight: 600 } }}>
        Free now in {cluster.name}
      </Text>
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 12px', margin: 0 }}>
        {rows.map(([what, value]) => (
          <div key={what} style={{ display: 'contents' }}>
            <dt>
              <Text>{what}</Text>
            </dt>
            <dd style={{ margin: 0 }}>
              <Text>{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      <Text block variant="small">
        A job waits until what it needs is free; it can never use more than the whole cluster.
      </Text>
    </section>
  );
}
