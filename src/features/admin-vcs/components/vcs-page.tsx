import { mergeStyleSets, PrimaryButton, Shimmer, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { useDeleteVirtualCluster, useVirtualClusters } from '../hooks/vc-admin-queries.ts';
import { VcCard } from './vc-card.tsx';
import { VcSizeDialog } from './vc-size-dialog.tsx';

const classes = mergeStyleSets({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))',
    gap: 16,
    alignItems: 'start',
  },
});

type Open = { action: 'create' } | { action: 'resize' | 'remove'; name: string } | null;

/** Administration: virtual clusters, their size and live use (admins only; the server checks too). */
export function VirtualClustersPage() {
  const clusters = useVirtualClusters();
  const remove = useDeleteVirtualCluster();
  const [open, setOpen] = useState<Open>(null);
  const close = () => {
    remove.reset();
    setOpen(null);
  };
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap>
        <Text as="h1" variant="xLarge" styles={{ root: { margin: 0 } }}>
          Virtual clusters
        </Text>
        <PrimaryButton
          iconProps={{ iconName: 'Add' }}
          text="New virtual cluster"
          onClick={() => setOpen({ action: 'create' })}
        />
      </Stack>
      {clusters.isError && !clusters.data ? (
        <ErrorBar
          error={clusters.error}
          title="Could not load virtual clusters"
          onRetry={() => clusters.refetch()}
        />
      ) : !clusters.data ? (
        <Shimmer />
      ) : (
        <div className={classes.grid}>
          {clusters.data.map((cluster) => (
            <VcCard
              key={cluster.name}
              cluster={cluster}
              onResize={() => setOpen({ action: 'resize', name: cluster.name })}
              onRemove={() => setOpen({ action: 'remove', name: cluster.name })}
            />
          ))}
        </div>
      )}
      {open?.action === 'create' ? <VcSizeDialog onClose={close} /> : null}
      {open?.action === 'resize' ? <VcSizeDialog name={open.name} onClose={close} /> : null}
      {open?.action === 'remove' ? (
        <ConfirmDialog
          title={`Remove ${open.name}?`}
          confirmLabel="Remove"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(open.name, { onSuccess: close })}
          onCancel={close}
        >
          <Text as="p">
            Its share goes back to "default", and users lose the right to submit to it. The server
            refuses while it has jobs that have not ended.
          </Text>
          {remove.isError ? <ErrorBar error={remove.error} title="The server refused" /> : null}
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}
