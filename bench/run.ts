import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { SECTIONS } from './sections.ts';
import type { Measurement } from './section.ts';

/**
 * `npm run bench [-- --quick] [-- --only NAME]`: runs the benchmark sections one after the other,
 * prints one table and writes bench/results/latest.json. Everything talks to 127.0.0.1 only.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

const rows: (Measurement & { section: string })[] = [];
for (const section of SECTIONS.filter((candidate) => !only || candidate.name === only)) {
  console.log(`== ${section.name}${quick ? ' (quick)' : ''}`);
  try {
    for (const measurement of await section.run({ quick }))
      rows.push({ section: section.name, ...measurement });
  } catch (error) {
    console.error(`   failed: ${(error as Error).stack ?? String(error)}`);
    rows.push({
      section: section.name,
      metric: 'error',
      value: Number.NaN,
      unit: '',
      note: (error as Error).message,
    });
    process.exitCode = 1;
  }
}

const format = (value: number) =>
  Number.isNaN(value) ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(2);
const table = [
  ['section', 'metric', 'value', 'unit', 'note'],
  ...rows.map((row) => [row.section, row.metric, format(row.value), row.unit, row.note ?? '']),
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
console.log();
for (const [i, row] of table.entries()) {
  console.log(
    row
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd(),
  );
  if (i === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
}

const results = new URL('./results/', import.meta.url);
mkdirSync(results, { recursive: true });
writeFileSync(
  new URL('latest.json', results),
  `${JSON.stringify({ date: new Date().toISOString(), quick, node: process.version, cpus: cpus().length, results: rows }, null, 2)}\n`,
);
