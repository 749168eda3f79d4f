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
import { BULK_WORDS, jobCount, type BulkAction } from './bulk-words.ts';

interface BulkActionDialogProps {
  action: BulkAction;
  jobs: JobListItem[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Confirms a stop or a delete and names every job it affects. */
export function BulkActionDialog({
  action,
  jobs,
  busy,
  onConfirm,
  onCancel,
}: BulkActionDialogProps) {
  const words = BULK_WORDS[action];
  const these = jobs.length === 1 ? 'this job' : `these ${jobs.length} jobs`;
  return (
    <Dialog
      hidden={false}
      onDismiss={busy ? undefined : onCancel}
      dialogContentProps={{
        type: DialogType.normal,
        title: `${words.verb} ${jobs.length === 1 ? 'job' : jobCount(jobs.length)}?`,
        subText: words.consequence.replace('{jobs}', these),
      }}
      modalProps={{ isBlocking: true }}
    >
      <ul aria-label={`Jobs to ${action}`} style={{ maxHeight: 200, overflow: 'auto', margin: 0 }}>
        {jobs.map((job) => (
          <li key={`${job.username}/${job.name}`}>
            {job.name} <small>({job.username})</small>
          </li>
        ))}
      </ul>
      <DialogFooter>
        <PrimaryButton onClick={onConfirm} disabled={busy}>
          {busy ? (
            <Spinner size={SpinnerSize.xSmall} label={words.busy} labelPosition="right" />
          ) : (
            words.verb
          )}
        </PrimaryButton>
        <DefaultButton onClick={onCancel} disabled={busy}>
          Cancel
        </DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}
