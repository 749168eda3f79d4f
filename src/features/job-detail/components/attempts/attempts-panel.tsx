import {
  ActionButton,
  mergeStyleSets,
  MessageBar,
  MessageBarType,
  Spinner,
  Stack,
  Text,
} from '@fluentui/react';
import { Fragment, useState } from 'react';
import type { JobAttempt, JobDetail } from '../../../../../contract/api-types.ts';
import { isTerminal } from '../../../../../contract/job-state.ts';
import { RelativeTime } from '../../../../components/relative-time.tsx';
import { errorMessage } from '../../../../lib/pai-error.ts';
import { useJobAttempts } from '../../hooks/resource-queries.ts';
import type { JobRef } from '../../model/job-ref.ts';
import { taskLabel } from '../../model/task-summary.ts';
import { AttemptLog } from './attempt-log.tsx';

const classes = mergeStyleSets({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    selectors: { 'th, td': { textAlign: 'left', padding: '4px 8px', verticalAlign: 'top' } },
  },
  diagnostics: { margin: 0, whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 12 },
});

/** The Attempts tab: every attempt, newest first, and the logs of those still kept. */
interface AttemptsPanelProps {
  job: JobRef;
  detail: JobDetail;
  /** Owner or admin: they read the logs. */
  mayRead: boolean;
}

export function AttemptsPanel({ job, detail, mayRead }: AttemptsPanelProps) {
  const attempts = useJobAttempts(job, isTerminal(detail.jobStatus.state));
  const [open, setOpen] = useState<number | null>(null);
  if (attempts.isPending) return <Spinner label="Loading attempts…" />;
  if (attempts.isError)
    return (
      <MessageBar messageBarType={MessageBarType.error}>
        Could not load the attempts: {errorMessage(attempts.error)}
      </MessageBar>
    );
  const tasks = Object.entries(detail.taskRoles).flatMap(([role, { taskStatuses }]) =>
    taskStatuses.map((task) => ({ role, index: task.taskIndex })),
  );
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text>
        {attempts.data.length === 1
          ? 'One attempt: the job has not been retried.'
          : `${attempts.data.length} attempts; the job was retried ${attempts.data.length - 1} times.`}
      </Text>
      <table className={classes.table} aria-label="Attempts">
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">State</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">Exit code</th>
            <th scope="col">Decided by</th>
            <th scope="col">Diagnostics</th>
            <th scope="col">Logs</th>
          </tr>
        </thead>
        <tbody>
          {attempts.data.map((attempt) => (
            <Fragment key={attempt.attemptIndex}>
              <AttemptRow
                attempt={attempt}
                mayRead={mayRead}
                open={open === attempt.attemptIndex}
                onToggle={() =>
                  setOpen(open === attempt.attemptIndex ? null : attempt.attemptIndex)
                }
              />
              {open === attempt.attemptIndex && tasks.length > 0 && (
                <tr>
                  <td colSpan={8}>
                    <AttemptLog
                      job={job}
                      attempt={attempt.attemptIndex}
                      tasks={tasks}
                      initial={decidingTask(attempt) ?? tasks[0]!}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}

function decidingTask(attempt: JobAttempt) {
  const role = attempt.appExitTriggerTaskRoleName;
  const index = attempt.appExitTriggerTaskIndex;
  return role !== null && index !== null ? { role, index } : null;
}

interface AttemptRowProps {
  attempt: JobAttempt;
  mayRead: boolean;
  open: boolean;
  onToggle: () => void;
}

function AttemptRow({ attempt, mayRead, open, onToggle }: AttemptRowProps) {
  const decider = decidingTask(attempt);
  return (
    <tr aria-label={`Attempt ${attempt.attemptIndex}`}>
      <th scope="row">
        {attempt.attemptIndex}
        {attempt.isLatest ? ' (latest)' : ''}
      </th>
      <td>{attempt.state.toLowerCase()}</td>
      <td>
        {attempt.attemptStartedTime ? <RelativeTime time={attempt.attemptStartedTime} /> : '—'}
      </td>
      <td>
        {attempt.attemptCompletedTime ? <RelativeTime time={attempt.attemptCompletedTime} /> : '—'}
      </td>
      <td>
        {attempt.exitCode ?? '—'}
        {attempt.exitType ? ` (${attempt.exitType})` : ''}
      </td>
      <td>{decider ? taskLabel(decider.role, decider.index) : '—'}</td>
      <td>
        {attempt.exitDiagnostics ? (
          <pre className={classes.diagnostics}>{attempt.exitDiagnostics}</pre>
        ) : (
          '—'
        )}
      </td>
      <td>
        {attempt.logsKept ? (
          <ActionButton
            iconProps={{ iconName: open ? 'ChevronUp' : 'TextDocument' }}
            aria-expanded={open}
            onClick={onToggle}
          >
            {open ? 'Hide logs' : `Logs of attempt ${attempt.attemptIndex}`}
          </ActionButton>
        ) : (
          <Text variant="small">{mayRead ? 'no longer kept' : 'owner and admins only'}</Text>
        )}
      </td>
    </tr>
  );
}
