import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { paramsFromView, viewFromParams, type JobListView } from './list-view.ts';

/** The list view from the URL, and a setter that writes a new history entry (back brings it back). */
export function useListView(): [
  JobListView,
  (next: JobListView, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromParams(params), [params]);
  const setView = useCallback(
    (next: JobListView, options: { replace?: boolean } = {}) =>
      setParams(paramsFromView(next), { replace: options.replace }),
    [setParams],
  );
  return [view, setView];
}
