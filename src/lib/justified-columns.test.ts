import type { IColumn } from '@fluentui/react';
import { describe, expect, it } from 'vitest';
import { CELL_PADDING, CHECK_COLUMN, justifiedColumns } from './justified-columns.ts';

const column = (key: string, minWidth: number, maxWidth?: number): IColumn => ({
  key,
  name: key,
  minWidth,
  maxWidth,
});
const widths = (columns: IColumn[]) => columns.map((c) => [c.minWidth, c.maxWidth]);
const total = (columns: IColumn[]) =>
  columns.reduce((sum, c) => sum + c.minWidth + CELL_PADDING, 0);

describe('justifiedColumns', () => {
  const columns = [column('name', 180), column('user', 80, 140), column('state', 100, 120)];

  it('gives all the room left to the first column without a maximum, and fills the width exactly', () => {
    const out = justifiedColumns(columns, 800, CHECK_COLUMN);
    const name = 800 - CHECK_COLUMN - 3 * CELL_PADDING - 80 - 100;
    expect(widths(out)).toEqual([
      [name, name],
      [80, 80],
      [100, 100],
    ]);
    expect(total(out) + CHECK_COLUMN).toBe(800);
  });

  it('grows columns with a maximum up to it, and the last one takes the rest', () => {
    const capped = [column('a', 50, 60), column('b', 50, 70)];
    expect(widths(justifiedColumns(capped, 300))).toEqual([
      [60, 60],
      [300 - 2 * CELL_PADDING - 60, 300 - 2 * CELL_PADDING - 60],
    ]);
  });

  it('keeps the minimums when the width is too small, and leaves the columns alone before measuring', () => {
    expect(widths(justifiedColumns(columns, 200))).toEqual([
      [180, 180],
      [80, 80],
      [100, 100],
    ]);
    expect(justifiedColumns(columns, 0)).toBe(columns);
  });
});
