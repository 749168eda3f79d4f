import { css, mergeStyles } from '@fluentui/react';
import type { HTMLAttributes } from 'react';

const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end' } as const;

interface WrapRowProps extends HTMLAttributes<HTMLDivElement> {
  gap: number;
  align?: keyof typeof ALIGN;
  spread?: boolean;
}

/**
 * Children side by side, wrapping onto more lines, spaced by CSS `gap`. Fluent's wrapping Stack
 * spaces them with negative margins on an inner box and half a gap on each child, so a child
 * that sets its own margin (a heading's `margin: 0`, a SearchBox) sat half a gap left of the page.
 */
export function WrapRow({
  gap,
  align = 'center',
  spread = false,
  className,
  ...rest
}: WrapRowProps) {
  const row = mergeStyles({
    display: 'flex',
    flexWrap: 'wrap',
    gap,
    alignItems: ALIGN[align],
    justifyContent: spread ? 'space-between' : 'flex-start',
  });
  return <div {...rest} className={css(row, className)} />;
}
