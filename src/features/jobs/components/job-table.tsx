import {
  DetailsListLayoutMode,
  SelectionMode,
  ShimmeredDetailsList,
  type IColumn,
  type Selection,
} from '@fluentui/react';
import type { JobListItem, JobOrderField } from '../../../../contract/api-types.ts';
import { useElementWidth } from '../../../lib/use-element-width.ts';
import { jobColumns, type SortState } from './job-columns.tsx';

interface JobTableProps {
  jobs: JobListItem[] | undefined;
  sort: SortState;
  selection: Selection;
  onSort: (sort: SortState) => void;
}

/** One page of jobs. `setKey` stays constant so a refresh keeps the selection. */
export function JobTable({ jobs, sort, selection, onSort }: JobTableProps) {
  const [measure, width] = useElementWidth<HTMLDivElement>();
  const onColumnHeaderClick = (_: unknown, column?: IColumn) => {
    const field = column?.data as JobOrderField | undefined;
    if (!field) return;
    // A new column starts newest/largest first for times and counts, A→Z for names.
    const startsDescending = !['name', 'username', 'virtualCluster', 'state'].includes(field);
    onSort({ field, descending: field === sort.field ? !sort.descending : startsDescending });
  };
  return (
    <div ref={measure}>
      <ShimmeredDetailsList
        items={jobs ?? []}
        columns={jobColumns(sort, width)}
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
      />
    </div>
  );
}
