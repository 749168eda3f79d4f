import { MessageBar, MessageBarType, Spinner, Stack } from '@fluentui/react';
import { useState } from 'react';
import type { LogStream, TaskAddress } from '../../../../api/jobs/get-task-log.ts';
import { errorMessage } from '../../../../lib/pai-error.ts';
import { useAttemptLog } from '../../hooks/resource-queries.ts';
import type { JobRef } from '../../model/job-ref.ts';
import { taskLabel } from '../../model/task-summary.ts';
import { LogText } from '../log-text.tsx';
import { TaskStreamPicker } from '../task-stream-picker.tsx';

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
      <TaskStreamPicker
        tasks={tasks}
        task={task}
        stream={stream}
        onChange={(nextTask, nextStream) => {
          setTask(nextTask);
          setStream(nextStream);
        }}
      />
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
