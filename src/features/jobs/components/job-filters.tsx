import { Checkbox, DefaultButton, Dropdown, type IDropdownOption } from '@fluentui/react';
import type { DisplayState } from '../../../../contract/job-state.ts';
import { WrapRow } from '../../../components/wrap-row.tsx';
import { useVirtualClusterNames } from '../hooks/job-list-queries.ts';
import { clearFilters, FILTER_STATES, hasFilters, type JobListView } from '../list-view.ts';
import { KeywordBox } from './keyword-box.tsx';
import { UsersFilter } from './users-filter.tsx';

interface JobFiltersProps {
  view: JobListView;
  me: string;
  onChange: (view: JobListView, options?: { replace?: boolean }) => void;
}

/** Toggles one value of a multi-select dropdown. */
function toggled<T extends string>(values: T[], option: IDropdownOption | undefined): T[] {
  if (!option) return values;
  const key = option.key as T;
  return option.selected ? [...values, key] : values.filter((value) => value !== key);
}

/**
 * Keyword, users, states, virtual clusters, legacy; any change goes back to page 1 and is a new
 * history entry (typed filters: one per edit, use-typed-filter.ts), so Back restores the view.
 * Widths are chosen so that "Clear filters" stays on the filters' row: all of them on one row in
 * 1,192 px (1440 px window), and the state, cluster, legacy and clear on one row in 652 px (900).
 */
export function JobFilters({ view, me, onChange }: JobFiltersProps) {
  const clusters = useVirtualClusterNames();
  const clusterNames = [...new Set([...(clusters.data ?? []), ...view.virtualClusters])];
  const update = (patch: Partial<JobListView>, options?: { replace?: boolean }) =>
    onChange({ ...view, ...patch, page: 1 }, options);
  return (
    <WrapRow gap={8} align="end" role="search" aria-label="Filter jobs">
      <KeywordBox
        value={view.keyword}
        onChange={(keyword, options) => update({ keyword }, options)}
      />
      <UsersFilter
        users={view.users}
        me={me}
        onChange={(users, options) => update({ users }, options)}
      />
      <Dropdown
        label="State"
        placeholder="Any state"
        multiSelect
        options={FILTER_STATES.map((state) => ({ key: state, text: state }))}
        selectedKeys={view.states}
        onChange={(_, option) => update({ states: toggled<DisplayState>(view.states, option) })}
        styles={{ root: { width: 170 } }}
      />
      <Dropdown
        label="Virtual cluster"
        placeholder="Any virtual cluster"
        multiSelect
        options={clusterNames.map((name) => ({ key: name, text: name }))}
        selectedKeys={view.virtualClusters}
        onChange={(_, option) => update({ virtualClusters: toggled(view.virtualClusters, option) })}
        styles={{ root: { width: 170 } }}
      />
      <Checkbox
        label="Legacy jobs only"
        checked={view.legacyOnly}
        onChange={(_, checked) => update({ legacyOnly: !!checked })}
        styles={{ root: { marginBottom: 6 } }}
      />
      {hasFilters(view) ? (
        <DefaultButton
          onClick={() => onChange(clearFilters(view))}
          // 118 px instead of 134: with 16 px padding it went to a row of its own at 900 px.
          styles={{ root: { padding: '0 8px' } }}
        >
          Clear filters
        </DefaultButton>
      ) : null}
    </WrapRow>
  );
}
