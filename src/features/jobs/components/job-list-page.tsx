import { DefaultButton, Selection, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import type { JobListItem } from '../../../../contract/api-types.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { jobKey } from '../../../lib/job-links.ts';
import { useSession } from '../../../lib/use-session.ts';
import { whyDeleteDisabled } from '../delete-rule.ts';
import { useDeleteJobs, useJobs, useStopJobs } from '../hooks/job-list-queries.ts';
import { clearFilters, hasFilters, requestFromView } from '../list-view.ts';
import { whyStopDisabled } from '../stop-rule.ts';
import { useListView } from '../use-list-view.ts';
import { BulkActionDialog } from './bulk-action-dialog.tsx';
import { BulkResults } from './bulk-results.tsx';
import type { BulkAction } from './bulk-words.ts';
import { JobFilters } from './job-filters.tsx';
import { JobTable } from './job-table.tsx';
import { ListToolbar } from './list-toolbar.tsx';
import { Pager } from './pager.tsx';

/** Selected rows, kept by job key across refreshes. */
function useJobSelection(): [Selection, JobListItem[]] {
  const [selected, setSelected] = useState<JobListItem[]>([]);
  const [selection] = useState(() => {
    const created: Selection = new Selection({
      getKey: (job) => jobKey(job as JobListItem),
      onSelectionChanged: () => setSelected(created.getSelection() as JobListItem[]),
    });
    return created;
  });
  return [selection, selected];
}

/** `/jobs`: every job, filtered, sorted and paged on the server, with bulk stop and delete. */
export function JobListPage() {
  const session = useSession();
  const [view, setView] = useListView();
  const [autoRefresh, setAutoRefresh] = useState(true);
  const [confirming, setConfirming] = useState<BulkAction | null>(null);
  const [selection, selected] = useJobSelection();
  const jobs = useJobs(requestFromView(view), { autoRefresh });
  const stop = useStopJobs();
  const remove = useDeleteJobs();
  const bulk = { stop, delete: remove };

  const page = jobs.data;
  const filtered = hasFilters(view);
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text as="h1" variant="xLarge" styles={{ root: { margin: 0 } }}>
        Jobs
      </Text>
      <JobFilters view={view} me={session?.user ?? ''} onChange={setView} />
      <ListToolbar
        selectedCount={selected.length}
        stopDisabledReason={whyStopDisabled(selected)}
        onStop={() => setConfirming('stop')}
        deleteDisabledReason={
          session ? whyDeleteDisabled(selected, session) : 'Sign in to delete jobs.'
        }
        onDelete={() => setConfirming('delete')}
        refreshing={jobs.isFetching}
        onRefresh={() => jobs.refetch()}
        autoRefresh={autoRefresh}
        onAutoRefresh={setAutoRefresh}
        lastUpdated={jobs.dataUpdatedAt}
      />
      {stop.data ? (
        <BulkResults action="stop" results={stop.data} onDismiss={() => stop.reset()} />
      ) : null}
      {remove.data ? (
        <BulkResults action="delete" results={remove.data} onDismiss={() => remove.reset()} />
      ) : null}
      {jobs.isError ? (
        <ErrorBar
          error={jobs.error}
          title={
            page ? 'Could not refresh the list (showing the last answer)' : 'Could not load jobs'
          }
          onRetry={() => jobs.refetch()}
        />
      ) : null}
      {!jobs.isError || page ? (
        <JobTable
          jobs={page?.jobs}
          fetching={jobs.isFetching}
          sort={{ field: view.sort, descending: view.descending }}
          selection={selection}
          onSort={(sort) =>
            setView({ ...view, sort: sort.field, descending: sort.descending, page: 1 })
          }
        />
      ) : null}
      {page && page.jobs.length === 0 ? (
        <Stack tokens={{ childrenGap: 8 }} horizontalAlign="start" role="status">
          <Text>{filtered ? 'No jobs match these filters.' : 'There are no jobs yet.'}</Text>
          {filtered ? (
            <DefaultButton onClick={() => setView(clearFilters(view))}>Clear filters</DefaultButton>
          ) : (
            <RouterLink to="/submit">Submit a job</RouterLink>
          )}
        </Stack>
      ) : null}
      {page ? (
        <Pager
          page={view.page}
          pageSize={view.pageSize}
          totalCount={page.totalCount}
          onPage={(next) => setView({ ...view, page: next })}
          onPageSize={(pageSize) => setView({ ...view, pageSize, page: 1 })}
        />
      ) : null}
      {confirming ? (
        <BulkActionDialog
          action={confirming}
          jobs={selected}
          busy={bulk[confirming].isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            bulk[confirming].mutate(selected, {
              onSettled: () => {
                setConfirming(null);
                selection.setAllSelected(false);
              },
            })
          }
        />
      ) : null}
    </Stack>
  );
}
