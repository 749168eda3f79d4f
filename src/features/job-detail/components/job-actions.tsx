import { DefaultButton, MessageBar, MessageBarType, Stack, Text, Toggle } from '@fluentui/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { JobStatus } from '../../../../contract/api-types.ts';
import { isTerminal, whyNotStoppable } from '../../../../contract/job-state.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { errorMessage, PaiError } from '../../../lib/pai-error.ts';
import { useJobConfig, useStopJob } from '../hooks/job-queries.ts';
import { DeleteJobButton } from './delete-job-button.tsx';
import { clonePath, type JobRef } from '../model/job-ref.ts';

interface JobActionsProps {
  job: JobRef;
  status: JobStatus;
  /** Whether the signed-in person owns the job or is an admin. */
  mayChange: boolean;
  autoRefresh: boolean;
  onAutoRefreshChange: (on: boolean) => void;
  onRefresh: () => void;
  refreshing: boolean;
  updatedAt: number;
}

/** Stop (asks first), clone, delete, refresh and auto-refresh, each saying why when it cannot be used. */
export function JobActions(props: JobActionsProps) {
  const {
    job,
    status,
    mayChange,
    autoRefresh,
    onAutoRefreshChange,
    onRefresh,
    refreshing,
    updatedAt,
  } = props;
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const stop = useStopJob(job);
  const notStoppable = mayChange
    ? whyNotStoppable(status)
    : `only ${status.username} or an admin may stop it`;
  const ended = isTerminal(status.state);
  // An imported job may have come without its config: then there is nothing to clone.
  const config = useJobConfig(job, mayChange && status.imported === true);
  const configMissing =
    config.error instanceof PaiError && config.error.code === 'NoJobConfigError';
  const notClonable = !mayChange
    ? `only ${status.username} or an admin can read its config`
    : configMissing
      ? 'its config was not imported with it'
      : null;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <DefaultButton
          text="Stop"
          iconProps={{ iconName: 'Stop' }}
          disabled={notStoppable !== null || stop.isPending}
          title={notStoppable ? `This job cannot be stopped: ${notStoppable}.` : 'Stop this job'}
          ariaDescription={notStoppable ? `Cannot be stopped: ${notStoppable}.` : undefined}
          onClick={() => setConfirming(true)}
        />
        <DefaultButton
          text="Clone"
          iconProps={{ iconName: 'Copy' }}
          disabled={notClonable !== null}
          allowDisabledFocus
          title={
            notClonable ? `Clone is not available: ${notClonable}.` : 'Submit a copy of this job'
          }
          ariaDescription={notClonable ? `Cannot be cloned: ${notClonable}.` : undefined}
          href={clonePath(job)}
          onClick={(event) => {
            event.preventDefault(); // stay in the app; the href still opens a new tab on middle-click
            navigate(clonePath(job));
          }}
        />
        <DeleteJobButton job={job} status={status} mayChange={mayChange} />
        <DefaultButton
          text={refreshing ? 'Refreshing…' : 'Refresh'}
          iconProps={{ iconName: 'Refresh' }}
          onClick={onRefresh}
        />
        <Toggle
          label="Auto-refresh"
          inlineLabel
          checked={autoRefresh && !ended}
          disabled={ended}
          onText={ended ? undefined : 'On while the job runs'}
          offText={ended ? 'Off: the job has ended' : 'Off'}
          onChange={(_, checked) => onAutoRefreshChange(checked === true)}
          styles={{ root: { margin: 0 } }}
        />
        <Text variant="small">
          Updated <RelativeTime time={updatedAt} />
        </Text>
      </Stack>
      {notStoppable && !ended && (
        <Text variant="small">Stop is not available: {notStoppable}.</Text>
      )}
      {notClonable && <Text variant="small">Clone is not available: {notClonable}.</Text>}
      {stop.isError && (
        <MessageBar
          messageBarType={MessageBarType.error}
          onDismiss={() => stop.reset()}
          dismissButtonAriaLabel="Dismiss"
        >
          The job was not stopped: {errorMessage(stop.error)}
        </MessageBar>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Stop ${job.name}?`}
          confirmLabel="Stop job"
          busy={stop.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => stop.mutate(undefined, { onSettled: () => setConfirming(false) })}
        >
          Its tasks are ended (SIGTERM, then SIGKILL after a grace period). This cannot be undone;
          you can clone the job to run it again.
        </ConfirmDialog>
      )}
    </Stack>
  );
}
