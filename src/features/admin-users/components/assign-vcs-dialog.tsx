import { useState } from 'react';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { useSetVirtualClusters } from '../hooks/user-admin-queries.ts';
import { VirtualClusterChoice } from './virtual-cluster-choice.tsx';

interface AssignDialogProps {
  username: string;
  current: string[];
  onClose: () => void;
}

/** The virtual clusters a user who is not an admin may submit to. */
export function AssignVcsDialog({ username, current, onClose }: AssignDialogProps) {
  const [chosen, setChosen] = useState(current);
  const assign = useSetVirtualClusters();
  return (
    <FormDialog
      title={`Virtual clusters of ${username}`}
      minWidth={360}
      submitLabel="Save"
      busy={assign.isPending}
      error={assign.error}
      errorTitle="Could not change the virtual clusters"
      onSubmit={() => assign.mutate({ username, names: chosen }, { onSuccess: onClose })}
      onClose={onClose}
    >
      <VirtualClusterChoice chosen={chosen} onChange={setChosen} />
    </FormDialog>
  );
}
