import { MessageBar, MessageBarType } from '@fluentui/react';
import type { JobStatus } from '../../../../contract/api-types.ts';
import { ExitCode } from '../../../components/exit-code.tsx';
import { taskLabel } from '../model/task-summary.ts';
import { WaitingSummary } from './waiting-summary.tsx';

/** Why a job failed, in words, at the top of its page; why a job waits, while it waits. */
export function FailureSummary({ status }: { status: JobStatus }) {
  if (status.state === 'WAITING' && status.executionType !== 'STOP' && !status.imported) {
    return <WaitingSummary status={status} />;
  }
  if (status.state !== 'FAILED') return null;
  const spec = status.appExitSpec;
  const trigger =
    status.appExitTriggerTaskRoleName !== null && status.appExitTriggerTaskIndex !== null
      ? taskLabel(status.appExitTriggerTaskRoleName, status.appExitTriggerTaskIndex)
      : null;
  return (
    <MessageBar messageBarType={MessageBarType.error} isMultiline>
      <strong>
        The job failed
        {status.appExitCode !== null && (
          <>
            {' '}
            with exit code <ExitCode code={status.appExitCode} />
          </>
        )}
        {spec?.phrase ? ` (${spec.phrase})` : ''}
        {trigger ? `; task ${trigger} decided it` : ''}.
      </strong>
      {status.appExitTriggerMessage && <div>{status.appExitTriggerMessage}</div>}
      {spec?.reason && <div>Reason: {spec.reason}</div>}
      {spec?.solution && spec.solution.length > 0 && (
        <div>What to do: {spec.solution.join(' ')}</div>
      )}
      {status.appExitDiagnostics && (
        <pre style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', fontFamily: 'monospace' }}>
          {status.appExitDiagnostics}
        </pre>
      )}
    </MessageBar>
  );
}
