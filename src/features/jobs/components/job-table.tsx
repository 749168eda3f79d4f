import {
  DetailsListLayoutMode,
  SelectionMode,
  ShimmeredDetailsList,
  type IColumn,
  type Selection,
} from '@fluentui/react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { JobListItem, JobOrderField } from '../../../../contract/api-types.ts';
import { jobKey } from '../../../lib/job-links.ts';
import { CHECK_COLUMN, justifiedColumns } from '../../../lib/justified-columns.ts';
import { useElementWidth } from '../../../lib/use-element-width.ts';
import { columnsThatFit, jobColumnsOf, type SortState } from './job-columns.tsx';

interface JobTableProps {
  jobs: JobListItem[] | undefined;
  /** A request for the list is under way (first load, refresh, new sort or filter). */
  fetching: boolean;
  sort: SortState;
  selection: Selection;
  onSort: (sort: SortState) => void;
}

/** Rows are keyed by job, so a refresh or a new sort moves a row instead of remounting it. */
const rowKey = (job: JobListItem | undefined, index?: number) =>
  job ? jobKey(job) : `placeholder-${index ?? 0}`;

/**
 * `aria-busy` on the grid while the list is fetched. Fluent sets it only for the first load's
 * shimmer and takes no prop for it, so it is written after each commit.
 */
function useGridBusy(busy: boolean) {
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    container.current?.querySelector('[role="grid"]')?.setAttribute('aria-busy', String(busy));
  });
  return container;
}

const renderEveryRow = () => false;

/** One page of jobs. `setKey` stays constant so a refresh keeps the selection. */
export function JobTable({ jobs, fetching, sort, selection, onSort }: JobTableProps) {
  const container = useGridBusy(fetching || !jobs);
  const [measure, width] = useElementWidth<HTMLDivElement>();
  // Columns are sized here from the measured width (Fluent's justified layout, computed by
  // justifiedColumns), so the list never measures the page itself (`skipViewportMeasures`).
  // New columns re-render every row: a new sort or a new width makes them.
  const columns = useMemo(
    () =>
      justifiedColumns(
        jobColumnsOf({ field: sort.field, descending: sort.descending }, columnsThatFit(width)),
        width,
        CHECK_COLUMN,
      ),
    [sort.field, sort.descending, width],
  );
  const onColumnHeaderClick = (_: unknown, column?: IColumn) => {
    const field = column?.data as JobOrderField | undefined;
    if (!field) return;
    // A new column starts newest/largest first for times and counts, A→Z for names.
    const startsDescending = !['name', 'username', 'virtualCluster', 'state'].includes(field);
    onSort({ field, descending: field === sort.field ? !sort.descending : startsDescending });
  };
  return (
    <div ref={container}>
      {/* The list is drawn once its width is known: measured in the same commit, before paint. */}
      <div ref={measure}>
        {width > 0 ? (
          <ShimmeredDetailsList
            items={jobs ?? []}
            getKey={rowKey}
            columns={columns}
            enableShimmer={!jobs}
            shimmerLines={10}
            selection={selection}
            selectionMode={SelectionMode.multiple}
            selectionPreservedOnEmptyClick
            setKey="jobs"
            layoutMode={DetailsListLayoutMode.justified}
            onColumnHeaderClick={onColumnHeaderClick}
            ariaLabelForGrid="Jobs"
            ariaLabelForSelectAllCheckbox="Select all jobs on this page"
            ariaLabelForSelectionColumn="Select job"
            checkButtonAriaLabel="Select job"
            compact
            // At most 100 rows: drawing them all at once is cheaper than List's page measuring
            // (the costliest function before the first row in a Chromium profile) and its second pass.
            onShouldVirtualize={renderEveryRow}
            skipViewportMeasures
          />
        ) : null}
      </div>
    </div>
  );
}
