import { Dropdown, IconButton, Stack, Text } from '@fluentui/react';
import { PAGE_SIZES } from '../list-view.ts';

interface PagerProps {
  page: number;
  pageSize: number;
  totalCount: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

const numberFormat = new Intl.NumberFormat();

/** "21–40 of 100,000", first/previous/next/last, and the page size. */
export function Pager({ page, pageSize, totalCount, onPage, onPageSize }: PagerProps) {
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  const first = totalCount === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(totalCount, page * pageSize);
  return (
    <Stack
      horizontal
      verticalAlign="center"
      horizontalAlign="end"
      wrap
      tokens={{ childrenGap: 8 }}
      role="navigation"
      aria-label="Pages"
    >
      <Text aria-live="polite" data-testid="page-range">
        {numberFormat.format(first)}–{numberFormat.format(last)} of{' '}
        {numberFormat.format(totalCount)}
      </Text>
      <IconButton
        iconProps={{ iconName: 'DoubleChevronLeft' }}
        ariaLabel="First page"
        disabled={page <= 1}
        onClick={() => onPage(1)}
      />
      <IconButton
        iconProps={{ iconName: 'ChevronLeft' }}
        ariaLabel="Previous page"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      />
      <Text>
        Page {numberFormat.format(Math.min(page, pages))} of {numberFormat.format(pages)}
      </Text>
      <IconButton
        iconProps={{ iconName: 'ChevronRight' }}
        ariaLabel="Next page"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      />
      <IconButton
        iconProps={{ iconName: 'DoubleChevronRight' }}
        ariaLabel="Last page"
        disabled={page >= pages}
        onClick={() => onPage(pages)}
      />
      <Dropdown
        ariaLabel="Jobs per page"
        options={PAGE_SIZES.map((size) => ({ key: size, text: `${size} per page` }))}
        selectedKey={pageSize}
        onChange={(_, option) => option && onPageSize(Number(option.key))}
        styles={{ root: { width: 130 } }}
      />
    </Stack>
  );
}
