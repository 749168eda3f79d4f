import { SearchBox } from '@fluentui/react';
import { useTypedFilter } from '../hooks/use-typed-filter.ts';

/** Keyword search: applies after a pause in typing or on Enter (use-typed-filter.ts). */
export function KeywordBox({
  value,
  onChange,
}: {
  value: string;
  onChange: (keyword: string, options: { replace: boolean }) => void;
}) {
  const filter = useTypedFilter(value, onChange);
  return (
    <SearchBox
      placeholder="Search job or user name"
      ariaLabel="Search jobs by job or user name"
      value={filter.text}
      onChange={(_, next) => filter.setText(next ?? '')}
      onSearch={(next) => {
        filter.applyNow(next);
        filter.endEdit();
      }}
      onClear={() => {
        filter.applyNow('');
        filter.endEdit();
      }}
      onBlur={() => {
        filter.applyNow(filter.text);
        filter.endEdit();
      }}
      // The placeholder is 172 px wide in Debian's default font.
      styles={{ root: { width: 220 } }}
    />
  );
}
