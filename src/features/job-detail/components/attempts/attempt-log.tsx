import { ChoiceGroup, Dropdown, MessageBar, MessageBarType, Spinner, Stack } from '@fluentui/react';
import { useState } from 'react';
import type { LogStream, TaskAddress } from '../../../../api/jobs/get-task-log.ts';
import { errorMessage } from '../../../../lib/pai-error.ts';
import { useAttemptLog } from '../../hooks/resource-queries.ts';
import type { JobRef } from '../../model/job-ref.ts';
import { taskLabel } from '../../model/task-summary.ts';
import { LogText } from '../log-text.tsx';

interface AttemptLogProps {
  job: JobRef;
  attempt: number;
  tasks: TaskAddress[];
  /** The task that decided the attempt, shown first. */
  initial: TaskAddress;
}

/** The kept log of one task of an earlier attempt (the tail, as the Logs tab shows it). */
export function AttemptLog({ job, attempt, tasks, initial }: AttemptLogProps) {
  const [task, setTask] = useState(initial);
  const [stream, setStream] = useState<LogStream>('stdout');
  const log = useAttemptLog(job, task, stream, attempt);
  const label = `Log of attempt ${attempt}, ${taskLabel(task.role, task.index)}, ${stream}`;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 16 }}>
        <Dropdown
          label="Task"
          selectedKey={`${task.role}/${task.index}`}
          options={tasks.map((option) => ({
            key: `${option.role}/${option.index}`,
            text: taskLabel(option.role, option.index),
          }))}
          onChange={(_, option) => {
            const next = tasks.find((each) => `${each.role}/${each.index}` === option?.key);
            if (next) setTask(next);
          }}
          styles={{ root: { minWidth: 200 } }}
        />
        <ChoiceGroup
          label="Stream"
          selectedKey={stream}
          options={[
            { key: 'stdout', text: 'stdout' },
            { key: 'stderr', text: 'stderr' },
          ]}
          onChange={(_, option) => option && setStream(option.key as LogStream)}
          styles={{ flexContainer: { display: 'flex', gap: 16 } }}
        />
      </Stack>
      {log.isPending && <Spinner label="Loading the log…" />}
      {log.isError && (
        <MessageBar messageBarType={MessageBarType.warning}>{errorMessage(log.error)}</MessageBar>
      )}
      {log.data !== undefined && (
        <LogText text={log.data} complete query="" follow={false} label={label} />
      )}
    </Stack>
  );
}
