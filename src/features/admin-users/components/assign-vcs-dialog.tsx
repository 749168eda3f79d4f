import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from '@fluentui/react';
import { useState } from 'react';
import { ErrorBar } from '../../../components/error-bar.tsx';
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
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{ type: DialogType.normal, title: `Virtual clusters of ${username}` }}
      modalProps={{ isBlocking: true }}
      minWidth={360}
    >
      <VirtualClusterChoice chosen={chosen} onChange={setChosen} />
      {assign.isError ? (
        <ErrorBar error={assign.error} title="Could not change the virtual clusters" />
      ) : null}
      <DialogFooter>
        <PrimaryButton
          disabled={assign.isPending}
          onClick={() => assign.mutate({ username, names: chosen }, { onSuccess: onClose })}
          text="Save"
        />
        <DefaultButton onClick={onClose} text="Cancel" />
      </DialogFooter>
    </Dialog>
  );
}
