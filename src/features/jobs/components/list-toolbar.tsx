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
      <Stack.Item grow shrink styles={{ root: { minWidth: 0 } }}>
        <Text
          id="stop-reason"
          variant="small"
          block
          nowrap
          title={stopDisabledReason ?? undefined}
          data-testid="stop-reason"
        >
          {stopDisabledReason ?? ''}
        </Text>
        <Text
          id="delete-reason"
          variant="small"
          block
          nowrap
          title={deleteDisabledReason ?? undefined}
          data-testid="delete-reason"
        >
          {nothingSelected ? '' : (deleteDisabledReason ?? '')}
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
