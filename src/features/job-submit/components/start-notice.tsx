import { MessageBar, MessageBarButton, MessageBarType, Stack } from '@fluentui/react';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { parseCloneParam } from '../model/clone-param.ts';
import type { StartConfig } from '../hooks/use-start-config.ts';

interface StartNoticeProps {
  start: Extract<StartConfig, { status: 'ready' }>;
  cloneOf: string | null;
  onDiscardDraft: () => void;
}

/** Says what the editor opened with: a kept draft, or a clone and what changed in it. */
export function StartNotice({ start, cloneOf, onDiscardDraft }: StartNoticeProps) {
  const source = cloneOf ? parseCloneParam(cloneOf) : null;
  return (
    <Stack tokens={{ childrenGap: 4 }} styles={{ root: { marginTop: 8 } }}>
      {start.draft && start.draft.text !== start.baseText && (
        <MessageBar
          actions={<MessageBarButton onClick={onDiscardDraft}>Discard draft</MessageBarButton>}
        >
          Your unsubmitted draft from <RelativeTime time={start.draft.savedAt} /> was restored.
        </MessageBar>
      )}
      {source && start.clone?.isJson && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          This is the exact config of{' '}
          {source.legacy ? (
            <>the legacy job {source.name}</>
          ) : (
            <>
              {source.username}/{source.name}
            </>
          )}
          , with only the job name changed to <strong>{start.clone.jobName}</strong>.
          {source.legacy ? ' It will be a normal job in your namespace.' : null}
        </MessageBar>
      )}
      {source && start.clone && !start.clone.isJson && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          The config of {source.name} is not JSON (it may be a YAML job from a newer OpenPAI). It is
          shown as it was stored; this page submits v1 JSON configs only.
        </MessageBar>
      )}
    </Stack>
  );
}
