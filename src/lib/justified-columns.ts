import type { IColumn } from '@fluentui/react';

/** Fluent's default cell padding (12 px left, 8 px right) and its selection check column. */
export const CELL_PADDING = 20;
export const CHECK_COLUMN = 48;

/**
 * Fluent's justified layout, computed from a width the page measured itself: each column starts
 * at its minimum; from the first, each grows up to its maximum (one without a maximum takes all
 * that is left) and the last takes what remains. The list is then given these widths as its
 * minimums with `skipViewportMeasures`, so it never measures the page (a forced layout) nor
 * renders its rows a second time once measured. At width 0 (not measured yet) the columns are
 * returned as they are.
 */
export function justifiedColumns(columns: IColumn[], width: number, checkColumn = 0): IColumn[] {
  if (width <= 0) return columns;
  const widths = columns.map((column) => column.minWidth);
  let left = width - checkColumn - widths.reduce((sum, w) => sum + w + CELL_PADDING, 0);
  columns.forEach((column, i) => {
    if (left <= 0) return;
    const last = i === columns.length - 1;
    const room = last || column.maxWidth === undefined ? left : column.maxWidth - column.minWidth;
    const grow = Math.max(0, Math.min(left, room));
    widths[i] = widths[i]! + grow;
    left -= grow;
  });
  return columns.map((column, i) => ({ ...column, minWidth: widths[i]!, maxWidth: widths[i] }));
}
