import { mergeStyles } from '@fluentui/react';
import type { HTMLAttributes } from 'react';

const columnClass = (gap: number) => mergeStyles({ display: 'flex', flexDirection: 'column', gap });

/** A vertical stack with a gap: plain CSS, lighter than Fluent's Stack on the first page. */
export function Column({
  gap = 12,
  className,
  ...rest
}: HTMLAttributes<HTMLDivElement> & { gap?: number }) {
  return <div className={[columnClass(gap), className].filter(Boolean).join(' ')} {...rest} />;
}
