import { DefaultButton, PrimaryButton, Stack, Text, Toggle } from '@fluentui/react';
import { useNavigate } from 'react-router';
import { RelativeTime } from '../../../components/relative-time.tsx';

interface ListToolbarProps {
  selectedCount: number;
  stopDisabledReason: string | null;
  onStop: () => void;
  deleteDisabledReason: string | null;
  onDelete: () => void;
  refreshing: boolean;
  onRefresh: () => void;
  autoRefresh: boolean;
  onAutoRefresh: (on: boolean) => void;
  lastUpdated: number;
}

export function ListToolbar(props: ListToolbarProps) {
  const navigate = useNavigate();
  const { stopDisabledReason, deleteDisabledReason, autoRefresh, lastUpdated } = props;
  // With nothing selected the stop's reason ("Select the jobs to stop.") says enough for both.
  const nothingSelected = props.selectedCount === 0;
  const deleteReason = nothingSelected ? '' : (deleteDisabledReason ?? '');
  const reasons = [stopDisabledReason, deleteReason].filter(Boolean).join(' ');
  return (
    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 12 }}>
      <PrimaryButton iconProps={{ iconName: 'Add' }} onClick={() => navigate('/submit')}>
        Submit job
      </PrimaryButton>
      <DefaultButton
        iconProps={{ iconName: 'StopSolid' }}
        disabled={stopDisabledReason !== null}
        allowDisabledFocus
        aria-describedby="stop-reason"
        onClick={props.onStop}
      >
        Stop
      </DefaultButton>
      <DefaultButton
        iconProps={{ iconName: 'Delete' }}
        disabled={deleteDisabledReason !== null}
        allowDisabledFocus
        aria-describedby="delete-reason"
        onClick={props.onDelete}
      >
        Delete
      </DefaultButton>
      {/* The reason changes with each selection (a press on a row selects it): it shrinks and
          ends in an ellipsis instead of wrapping the toolbar, so the list never moves under the
          pointer between a press and its release. */}
      {/* No basis of its own: a longer reason never wraps the toolbar onto another line; one line
          for both reasons, as a second line would grow the toolbar on a selection too. */}
      <Stack.Item grow shrink styles={{ root: { flexBasis: 0, minWidth: 120 } }}>
        <Text variant="small" block nowrap title={reasons || undefined}>
          <span id="stop-reason" data-testid="stop-reason">
            {stopDisabledReason ?? ''}
          </span>{' '}
          <span id="delete-reason" data-testid="delete-reason">
            {deleteReason}
          </span>
        </Text>
      </Stack.Item>
      <Text variant="small" data-testid="last-updated">
        {lastUpdated > 0 ? (
          <>
            Updated <RelativeTime time={lastUpdated} />
          </>
        ) : null}
      </Text>
      <Toggle
        label="Auto refresh"
        inlineLabel
        checked={autoRefresh}
        onChange={(_, checked) => props.onAutoRefresh(!!checked)}
        styles={{ root: { margin: 0 } }}
      />
      <DefaultButton
        iconProps={{ iconName: 'Refresh' }}
        disabled={props.refreshing}
        onClick={props.onRefresh}
      >
        Refresh
      </DefaultButton>
    </Stack>
  );
}
