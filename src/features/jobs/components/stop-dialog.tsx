import {
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  PrimaryButton,
  Spinner,
  SpinnerSize,
} from '@fluentui/react';
import type { JobListItem } from '../../../../contract/api-types.ts';

interface StopDialogProps {
  jobs: JobListItem[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Confirms a stop and names every job it affects. */
export function StopDialog({ jobs, busy, onConfirm, onCancel }: StopDialogProps) {
  const count = jobs.length === 1 ? 'this job' : `these ${jobs.length} jobs`;
  return (
    <Dialog
      hidden={false}
      onDismiss={busy ? undefined : onCancel}
      dialogContentProps={{
        type: DialogType.normal,
        title: jobs.length === 1 ? 'Stop job?' : `Stop ${jobs.length} jobs?`,
        subText: `Stopping ends every task of ${count}. It cannot be undone; you can clone a job to run it again.`,
      }}
      modalProps={{ isBlocking: true }}
    >
      <ul aria-label="Jobs to stop" style={{ maxHeight: 200, overflow: 'auto', margin: 0 }}>
        {jobs.map((job) => (
          <li key={`${job.username}/${job.name}`}>
            {job.name} <small>({job.username})</small>
          </li>
        ))}
      </ul>
      <DialogFooter>
        <PrimaryButton onClick={onConfirm} disabled={busy}>
          {busy ? (
            <Spinner size={SpinnerSize.xSmall} label="Stopping…" labelPosition="right" />
          ) : (
            'Stop'
          )}
        </PrimaryButton>
        <DefaultButton onClick={onCancel} disabled={busy}>
          Cancel
        </DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}
