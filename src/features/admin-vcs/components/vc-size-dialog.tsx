import {
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  PrimaryButton,
  Stack,
  Text,
  TextField,
} from '@fluentui/react';
import { useState } from 'react';
import { ErrorBar } from '../../../components/error-bar.tsx';
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
  const submit = () => put.mutate({ name: newName, capacity: percent }, { onSuccess: onClose });
  return (
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{
        type: DialogType.normal,
        title: name ? `Resize ${name}` : 'New virtual cluster',
      }}
      modalProps={{ isBlocking: true }}
      minWidth={400}
    >
      <form
        id="vc-size"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && !put.isPending) submit();
        }}
      >
        <Stack tokens={{ childrenGap: 12 }}>
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
          {put.isError ? <ErrorBar error={put.error} title="The server refused" /> : null}
        </Stack>
      </form>
      <DialogFooter>
        <PrimaryButton
          type="submit"
          form="vc-size"
          disabled={!ready || put.isPending}
          text={name ? 'Resize' : 'Create'}
        />
        <DefaultButton onClick={onClose} text="Cancel" />
      </DialogFooter>
    </Dialog>
  );
}
