import { Text, TextField } from '@fluentui/react';
import { useState } from 'react';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { usePutVirtualCluster } from '../hooks/vc-admin-queries.ts';

const VC_NAME = /^[A-Za-z0-9_]+$/;

/** Create a VC (no `name` given) or resize one, as a share of the "default" VC's configured size. */
export function VcSizeDialog({ name, onClose }: { name?: string; onClose: () => void }) {
  const [newName, setNewName] = useState(name ?? '');
  const [capacity, setCapacity] = useState('');
  const put = usePutVirtualCluster();
  const percent = Number(capacity);
  const nameProblem =
    newName && !VC_NAME.test(newName) ? 'Use letters, digits and "_" only.' : undefined;
  const capacityProblem =
    capacity && !(capacity.trim() !== '' && percent > 0 && percent <= 100)
      ? 'A number above 0 and at most 100.'
      : undefined;
  const ready = newName !== '' && capacity !== '' && !nameProblem && !capacityProblem;
  return (
    <FormDialog
      title={name ? `Resize ${name}` : 'New virtual cluster'}
      minWidth={400}
      submitLabel={name ? 'Resize' : 'Create'}
      ready={ready}
      busy={put.isPending}
      error={put.error}
      errorTitle="The server refused"
      onSubmit={() => put.mutate({ name: newName, capacity: percent }, { onSuccess: onClose })}
      onClose={onClose}
    >
      {name ? null : (
        <TextField
          label="Name"
          required
          value={newName}
          errorMessage={nameProblem}
          onChange={(_, value) => setNewName(value ?? '')}
        />
      )}
      <TextField
        label="Capacity (% of default)"
        required
        inputMode="decimal"
        value={capacity}
        errorMessage={capacityProblem}
        onChange={(_, value) => setCapacity(value ?? '')}
      />
      <Text variant="small">
        A virtual cluster takes this share of the CPUs, memory and GPUs the "default" virtual
        cluster was configured with; "default" keeps the rest.
      </Text>
    </FormDialog>
  );
}
