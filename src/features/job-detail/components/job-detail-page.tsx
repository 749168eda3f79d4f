import { Link as FluentLink, Pivot, PivotItem, Spinner, Stack, Text } from '@fluentui/react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { PaiError } from '../../../lib/pai-error.ts';
import { useSession } from '../../../lib/use-session.ts';
import type { LogStream, TaskAddress } from '../../../api/jobs/get-task-log.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useJob } from '../hooks/job-queries.ts';
import { jobRefFromRoute, type JobRef } from '../model/job-ref.ts';
import { AttemptsPanel } from './attempts/attempts-panel.tsx';
import { ConfigView } from './config-view.tsx';
import { FailureSummary } from './failure-summary.tsx';
import { JobActions } from './job-actions.tsx';
import { JobHeader } from './job-header.tsx';
import { LogViewer } from './log-viewer.tsx';
import { SshPanel } from './ssh-panel.tsx';
import { TaskRoles } from './task-roles.tsx';

const TABS = ['tasks', 'resources', 'attempts', 'config', 'ssh', 'logs'] as const;
// The charts load only when their tab is opened.
const ResourcePanel = lazy(() => import('./resources/resource-panel.tsx'));
type Tab = (typeof TABS)[number];

/** `/jobs/:username/:jobName` and, for a legacy job, `/jobs/:jobName`. */
export function JobDetailPage() {
  const job = jobRefFromRoute(useParams());
  if (!job) return null;
  return <JobDetail key={`${job.username}~${job.name}`} job={job} />;
}

function JobDetail({ job }: { job: JobRef }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [autoRefresh, setAutoRefresh] = useState(true);
  const query = useJob(job, autoRefresh);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'tasks';
  const selected = parseTask(params.get('task'));
  const stream: LogStream = params.get('stream') === 'stderr' ? 'stderr' : 'stdout';
  // Tab and task live in the URL: a reload or a shared link opens the same view.
  const show = (next: Tab, task: TaskAddress | null = selected, nextStream: LogStream = stream) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('tab', next);
        if (task) updated.set('task', `${task.role}/${task.index}`);
        if (next === 'logs') updated.set('stream', nextStream);
        return updated;
      },
      { replace: true },
    );

  const back = (
    <FluentLink as={Link} to="/jobs">
      ← Jobs
    </FluentLink>
  );
  if (query.data === undefined) {
    if (!query.isError) return <Spinner label={`Loading ${job.name}…`} />;
    const missing = query.error instanceof PaiError && query.error.code === 'NoJobError';
    return (
      <Stack tokens={{ childrenGap: 12 }}>
        {back}
        <Text as="h1" variant="xLarge">
          {job.name}
        </Text>
        <ErrorBar
          error={query.error}
          title={missing ? 'No such job' : 'Could not load the job'}
          onRetry={missing ? undefined : () => void query.refetch()}
        />
      </Stack>
    );
  }
  // A failed refresh keeps the last answer on screen (with a note) instead of replacing the page.
  const detail = query.data;
  const status = detail.jobStatus;
  const mayAccess = session !== null && (session.admin || session.user === status.username);
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      {back}
      <JobHeader
        jobName={job.name}
        legacy={job.legacy === true}
        status={status}
        actions={
          <JobActions
            job={job}
            status={status}
            mayChange={mayAccess}
            autoRefresh={autoRefresh}
            onAutoRefreshChange={setAutoRefresh}
            onRefresh={() =>
              void queryClient.invalidateQueries({ queryKey: queryKeys.jobs.detail(job) })
            }
            refreshing={query.isFetching}
            updatedAt={query.dataUpdatedAt}
          />
        }
      />
      {query.isError && (
        <ErrorBar error={query.error} title="Could not refresh; showing the last answer" />
      )}
      <FailureSummary status={status} />
      <Pivot
        selectedKey={tab}
        onLinkClick={(item) => item?.props.itemKey && show(item.props.itemKey as Tab)}
        headersOnly
        aria-label="Job details"
        overflowBehavior="menu"
        overflowAriaLabel="More job details"
      >
        <PivotItem itemKey="tasks" headerText="Tasks" />
        <PivotItem itemKey="resources" headerText="Resources" />
        <PivotItem itemKey="attempts" headerText="Attempts" />
        <PivotItem itemKey="config" headerText="Config" />
        <PivotItem itemKey="ssh" headerText="SSH" />
        <PivotItem itemKey="logs" headerText="Logs" />
      </Pivot>
      <div role="tabpanel" aria-label={tab}>
        {tab === 'tasks' && (
          <TaskRoles
            detail={detail}
            onShowLogs={(task) => show('logs', task)}
            onShowSsh={(task) => show('ssh', task)}
          />
        )}
        {tab === 'resources' && (
          <Suspense fallback={<Spinner label="Loading charts…" />}>
            <ResourcePanel job={job} detail={detail} mayRead={mayAccess} />
          </Suspense>
        )}
        {tab === 'attempts' && <AttemptsPanel job={job} detail={detail} mayRead={mayAccess} />}
        {tab === 'config' && <ConfigView job={job} owner={status.username} mayRead={mayAccess} />}
        {tab === 'ssh' && (
          <SshPanel
            job={job}
            detail={detail}
            mayAccess={mayAccess}
            selected={selected}
            onSelect={(task) => show('ssh', task)}
          />
        )}
        {tab === 'logs' && (
          <LogViewer
            job={job}
            detail={detail}
            mayRead={mayAccess}
            selected={selected}
            stream={stream}
            onSelect={(task, next) => show('logs', task, next)}
          />
        )}
      </div>
    </Stack>
  );
}

function parseTask(value: string | null): TaskAddress | null {
  const match = value ? /^(.+)\/(\d+)$/.exec(value) : null;
  return match ? { role: match[1]!, index: Number(match[2]) } : null;
}
