import { Spinner, SpinnerSize } from '@fluentui/react';

/** While a page's code arrives. */
export function PageLoading() {
  return <Spinner size={SpinnerSize.large} label="Loading…" styles={{ root: { padding: 48 } }} />;
}
