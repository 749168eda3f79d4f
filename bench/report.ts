import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Measurement } from './section.ts';

export type Row = Measurement & { section: string };

/** The machine a run was measured on, for the table's heading and the JSON. */
export function machine() {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ??
    cpus()[0]?.model ??
    '?';
  return {
    /** 1-minute load average: how busy the shared machine was (2 cores: above 2 means waiting). */
    load: loadavg()[0]!,
    cpus: cpus().length,
    cpuModel: model.trim(),
    memoryBytes: totalmem(),
    node: process.version,
  };
}

/** Integers for bytes and counts (exact), two decimals for ratios and small times. */
function formatValue(row: Row): string {
  if (Number.isNaN(row.value)) return '—';
  if (Number.isInteger(row.value)) return row.value.toLocaleString('en-US');
  return row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(2);
}

const verdict = (row: Row) => (row.ok === undefined ? '' : row.ok ? 'yes' : 'NO');

/** The rows as a Markdown table (it reads as a plain-text table too). */
export function formatTable(rows: Row[]): string {
  const header = ['section', 'metric', 'value', 'unit', 'target', 'met', 'note'];
  const cells = rows.map((row) => [
    row.section,
    row.metric,
    formatValue(row),
    row.unit,
    row.target ?? '',
    verdict(row),
    row.note ?? '',
  ]);
  const widths = header.map((_, column) =>
    Math.max(header[column]!.length, ...cells.map((row) => row[column]!.length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 2 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}
