import { DefaultButton, PrimaryButton, Stack, Text, Toggle } from '@fluentui/react';
import { useNavigate } from 'react-router';
import { RelativeTime } from '../../../components/relative-time.tsx';

interface ListToolbarProps {
  stopDisabledReason: string | null;
  onStop: () => void;
  refreshing: boolean;
  onRefresh: () => void;
  autoRefresh: boolean;
  onAutoRefresh: (on: boolean) => void;
  lastUpdated: number;
}

export function ListToolbar(props: ListToolbarProps) {
  const navigate = useNavigate();
  const { stopDisabledReason, autoRefresh, lastUpdated } = props;
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
