import { mkdirSync, writeFileSync } from 'node:fs';
import { removeBenchTempDirs } from './fixtures/seeded-server.ts';
import { formatTable, machine, type Row } from './report.ts';
import { SECTIONS } from './sections.ts';

/**
 * `npm run bench [-- --quick] [-- --only NAME]`: runs the benchmark sections one after the other,
 * prints one table and writes bench/results/latest.json. Everything talks to 127.0.0.1 only.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const sections = SECTIONS.filter((candidate) => !only || candidate.name === only);
if (sections.length === 0) {
  console.error(
    `No section "${only}"; sections: ${SECTIONS.map((section) => section.name).join(', ')}`,
  );
  process.exit(2);
}

const started = performance.now();
const loadAtStart = machine().load;
const rows: Row[] = [];
try {
  for (const section of sections) {
    const sectionStart = performance.now();
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
        note: String((error as Error).message)
          .split('\n')
          .slice(0, 3)
          .join(' '),
      });
      process.exitCode = 1;
    }
    console.log(`   ${((performance.now() - sectionStart) / 1000).toFixed(0)} s`);
  }
} finally {
  removeBenchTempDirs();
}

const host = { ...machine(), loadAtStart };
const seconds = (performance.now() - started) / 1000;
console.log(
  `\n${quick ? 'Quick run' : 'Full run'} in ${seconds.toFixed(0)} s on ${host.cpus} × ${host.cpuModel}, ` +
    `${(host.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${host.node}; ` +
    `load average ${host.loadAtStart.toFixed(1)} at the start, ${host.load.toFixed(1)} at the end\n`,
);
console.log(formatTable(rows));
if (rows.some((row) => row.ok === false))
  console.log('\nSome figures miss their target (met = NO).');

const results = new URL('./results/', import.meta.url);
mkdirSync(results, { recursive: true });
writeFileSync(
  new URL('latest.json', results),
  `${JSON.stringify({ date: new Date().toISOString(), quick, seconds, machine: host, results: rows }, null, 2)}\n`,
);
