import { ActionButton, Stack, Text } from '@fluentui/react';
import type { NamedVirtualCluster } from '../../../api/virtual-clusters/get-virtual-clusters.ts';
import { Card } from '../../../components/card.tsx';
import { UsageBar } from '../../../components/usage-bar.tsx';
import { WaitingQueue } from './waiting-queue.tsx';
import { counted } from '../../../../contract/words.ts';

const gb = (mb: number) => mb / 1024;
const amount = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

interface VcCardProps {
  cluster: NamedVirtualCluster;
  onResize: () => void;
  onRemove: () => void;
}

/** One VC: capacity and live use, its running and waiting jobs, and its queue. */
export function VcCard({ cluster, onResize, onRemove }: VcCardProps) {
  const { name, resourcesUsed: used, resourcesTotal: total } = cluster;
  const fixed = name === 'default';
  const free = `Free: ${amount(Math.max(0, total.vCores - used.vCores))} CPUs, ${amount(
    Math.max(0, gb(total.memory - used.memory)),
  )} GB memory, ${counted(Math.max(0, total.GPUs - used.GPUs), 'GPU')}`;
  return (
    <Card
      title={name}
      actions={
        fixed ? (
          <Text variant="small">the rest of the cluster; sized by the others</Text>
        ) : (
          <Stack horizontal>
            <ActionButton
              iconProps={{ iconName: 'ResizeMouseMedium' }}
              ariaLabel={`Resize ${name}`}
              onClick={onResize}
            >
              Resize
            </ActionButton>
            <ActionButton
              iconProps={{ iconName: 'Delete' }}
              ariaLabel={`Remove ${name}`}
              onClick={onRemove}
            >
              Remove
            </ActionButton>
          </Stack>
        )
      }
    >
      <Stack tokens={{ childrenGap: 6 }}>
        {cluster.status !== 'RUNNING' ? (
          <Text variant="small">Status: {cluster.status.toLowerCase()} (takes no new jobs)</Text>
        ) : null}
        <UsageBar label="CPUs" used={used.vCores} total={total.vCores} />
        <UsageBar label="Memory" used={gb(used.memory)} total={gb(total.memory)} unit=" GB" />
        <UsageBar label="GPUs" used={used.GPUs} total={total.GPUs} />
        <Text variant="small">{free}</Text>
        <Text variant="small" data-testid={`jobs-${name}`}>
          {cluster.numActiveJobs} running, {cluster.numPendingJobs} waiting
        </Text>
        <Text as="h3" variant="medium" styles={{ root: { margin: '8px 0 0' } }}>
          Waiting queue
        </Text>
        <WaitingQueue virtualCluster={name} />
      </Stack>
    </Card>
  );
}
