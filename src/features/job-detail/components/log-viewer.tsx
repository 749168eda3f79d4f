import { DefaultButton, SearchBox, Spinner, Stack, Text, Toggle } from '@fluentui/react';
import { useState } from 'react';
import type { JobDetail } from '../../../../contract/api-types.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { errorMessage, PaiError } from '../../../lib/pai-error.ts';
import { saveFile } from '../../../lib/save-file.ts';
import {
  fetchWholeTaskLog,
  LOG_TAIL_BYTES,
  type LogStream,
  type TaskAddress,
} from '../../../api/jobs/get-task-log.ts';
import { useTaskLog } from '../hooks/job-queries.ts';
import type { JobRef } from '../model/job-ref.ts';
import { isCut } from '../model/log-text.ts';
import { whyNoTasks } from '../model/no-tasks.ts';
import { taskLabel } from '../model/task-summary.ts';
import { AccessNotice } from './access-notice.tsx';
import { LogText } from './log-text.tsx';
import { TaskStreamPicker } from './task-stream-picker.tsx';

interface LogViewerProps {
  job: JobRef;
  detail: JobDetail;
  mayRead: boolean;
  selected: TaskAddress | null;
  stream: LogStream;
  onSelect: (task: TaskAddress, stream: LogStream) => void;
}

/** stdout or stderr of one task: its tail first, followed while the task runs, searchable, downloadable whole. */
export function LogViewer({ job, detail, mayRead, selected, stream, onSelect }: LogViewerProps) {
  const tasks = Object.entries(detail.taskRoles).flatMap(([role, { taskStatuses }]) =>
    taskStatuses.map((task) => ({
      role,
      index: task.taskIndex,
      state: task.taskState,
      containerLog: task.containerLog,
    })),
  );
  const task =
    tasks.find(
      (candidate) => candidate.role === selected?.role && candidate.index === selected.index,
    ) ??
    tasks[0] ??
    null;
  const [followWanted, setFollowWanted] = useState(true);
  const [query, setQuery] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const running = task?.state === 'RUNNING';
  const follow = followWanted && running;
  const log = useTaskLog(job, mayRead ? task : null, stream, follow);
  if (!mayRead)
    return (
      <AccessNotice>
        Only {detail.jobStatus.username} or an admin can read this job&apos;s logs.
      </AccessNotice>
    );
  if (!task) return <AccessNotice>{whyNoTasks(detail.jobStatus)} There are no logs.</AccessNotice>;
  const download = () => {
    setDownloadError(null);
    fetchWholeTaskLog(job, task, stream).then(
      (blob) =>
        saveFile(`${job.name}-${task.role}-${task.index}-${stream}.log`, blob, 'text/plain'),
      setDownloadError,
    );
  };
  const notFound = log.error instanceof PaiError && log.error.status === 404;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <TaskStreamPicker tasks={tasks} task={task} stream={stream} onChange={onSelect}>
        <Toggle
          label="Follow"
          checked={follow}
          disabled={!running}
          onText="Following"
          offText={running ? 'Paused' : 'The task has ended'}
          onChange={(_, checked) => setFollowWanted(checked === true)}
        />
        <SearchBox
          placeholder="Search the log"
          ariaLabel="Search the log"
          value={query}
          onChange={(_, value = '') => setQuery(value)}
          styles={{ root: { width: 240 } }}
        />
        <DefaultButton
          text="Download full log"
          iconProps={{ iconName: 'Download' }}
          onClick={download}
        />
      </TaskStreamPicker>
      {downloadError !== null && (
        <ErrorBar
          error={downloadError}
          title="Could not download the log"
          onDismiss={() => setDownloadError(null)}
        />
      )}
      {log.isPending && !notFound && !log.isError && <Spinner label="Loading the log…" />}
      {notFound && (
        <AccessNotice>
          {taskLabel(task.role, task.index)} has no {stream} log on this server yet:{' '}
          {errorMessage(log.error)}
        </AccessNotice>
      )}
      {log.isError && !notFound && (
        <ErrorBar
          error={log.error}
          title="Could not load the log"
          onRetry={() => void log.refetch()}
        />
      )}
      {log.data !== undefined && (
        <>
          {isCut(log.data, LOG_TAIL_BYTES) && (
            <Text variant="small">
              Showing the last {LOG_TAIL_BYTES / 1024} KiB; download the full log for the rest.
            </Text>
          )}
          <LogText
            text={log.data}
            complete={!isCut(log.data, LOG_TAIL_BYTES)}
            query={query}
            follow={follow}
            label={`${stream} of ${taskLabel(task.role, task.index)}`}
          />
        </>
      )}
    </Stack>
  );
}
