import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  filesWithMonaco,
  gzipSize,
  lazyModuleFiles,
  readManifest,
  RESOURCE_CHARTS_MODULE,
  routeFiles,
  routeSize,
  type Manifest,
} from './bundle-size.ts';
import { ensureBuild } from './ensure-build.ts';

const KB = 1000;
const BUDGETS = {
  login: 200 * KB,
  dashboard: 350 * KB,
  jobs: 350 * KB,
  jobDetail: 350 * KB,
  adminUsers: 350 * KB,
  adminVirtualClusters: 350 * KB,
} as const;
/** What the job page's Resources tab (SVG charts) adds when it opens. */
const RESOURCE_CHARTS_BUDGET = 8 * KB;

describe('route size counting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const manifest: Manifest = {
    'index.html': {
      file: 'assets/entry.js',
      isEntry: true,
      imports: ['_shared.js'],
      css: ['assets/entry.css'],
      dynamicImports: ['src/a.tsx', 'src/b.tsx'],
    },
    '_shared.js': { file: 'assets/shared.js' },
    'src/a.tsx': {
      file: 'assets/a.js',
      isDynamicEntry: true,
      imports: ['_shared.js', '_only-a.js'],
    },
    '_only-a.js': { file: 'assets/only-a.js', dynamicImports: ['src/b.tsx'] },
    'src/b.tsx': { file: 'assets/b.js', isDynamicEntry: true, imports: ['_heavy.js'] },
    '_heavy.js': { file: 'assets/heavy.js' },
  };
  mkdirSync(join(dir, 'assets'));
  for (const chunk of Object.values(manifest))
    writeFileSync(join(dir, chunk.file), `/* ${chunk.file} */ ${'x'.repeat(500)}`);
  writeFileSync(join(dir, 'assets/entry.css'), 'body { margin: 0 }');

  it('counts what a lazy module adds to a route: its static closure less the first load', () => {
    const routed = { ...manifest, 'src/app/routes/login.tsx': manifest['src/a.tsx']! };
    expect(lazyModuleFiles(routed, 'login', 'src/b.tsx')).toEqual({
      files: ['assets/b.js', 'assets/heavy.js'],
      inFirstLoad: false,
    });
    expect(lazyModuleFiles(routed, 'login', '_shared.js')).toEqual({
      files: [],
      inFirstLoad: true,
    });
  });

  it('takes the entry, the route chunk and their static imports, not lazy ones', () => {
    expect(routeFiles(manifest, ['src/a.tsx'])).toEqual([
      'assets/a.js',
      'assets/entry.css',
      'assets/entry.js',
      'assets/only-a.js',
      'assets/shared.js',
    ]);
  });

  it('counts exact gzip bytes of every file', async () => {
    mkdirSync(join(dir, '.vite'), { recursive: true });
    writeFileSync(
      join(dir, '.vite', 'manifest.json'),
      JSON.stringify({ ...manifest, 'src/app/routes/login.tsx': manifest['src/a.tsx'] }),
    );
    const { readFileSync } = await import('node:fs');
    const size = routeSize(dir, 'login');
    const expected = size.files.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length,
      0,
    );
    expect(size.gzipBytes).toBe(expected);
    expect(size.files).not.toContain('assets/heavy.js');
  });
});

describe('bundle budgets of the built portal', () => {
  const distDir = ensureBuild(process.cwd());
  const manifest = readManifest(distDir);

  it.each(Object.entries(BUDGETS))(
    '%s loads at most its budget of gzip JS and CSS',
    (route, budget) => {
      const size = routeSize(distDir, route as keyof typeof BUDGETS, manifest);
      expect(size.files.length).toBeGreaterThan(1);
      expect(
        size.gzipBytes,
        `${route}: ${size.gzipBytes} B gzip in ${size.files.join(', ')}`,
      ).toBeLessThanOrEqual(budget);
    },
  );

  it.each(Object.keys(BUDGETS))('%s loads no Monaco', (route) => {
    const size = routeSize(distDir, route as keyof typeof BUDGETS, manifest);
    expect(filesWithMonaco(distDir, size.files)).toEqual([]);
  });

  it('the job page loads the resource charts only when the Resources tab opens, and they are small', () => {
    // Imported statically, the module would be folded into another chunk and have no entry.
    expect(manifest[RESOURCE_CHARTS_MODULE]?.isDynamicEntry).toBe(true);
    const charts = lazyModuleFiles(manifest, 'jobDetail', RESOURCE_CHARTS_MODULE);
    expect(charts.inFirstLoad).toBe(false);
    const chartChunk = manifest[RESOURCE_CHARTS_MODULE]!.file;
    expect(routeSize(distDir, 'jobDetail', manifest).files).not.toContain(chartChunk);
    expect(charts.files).toContain(chartChunk);
    const { gzipBytes } = gzipSize(distDir, charts.files);
    expect(gzipBytes, `${gzipBytes} B gzip in ${charts.files.join(', ')}`).toBeLessThanOrEqual(
      RESOURCE_CHARTS_BUDGET,
    );
  });

  it('the login page loads none of the signed-in shell', () => {
    const login = new Set(routeSize(distDir, 'login', manifest).files);
    const layoutChunk = manifest['src/app/routes/layout.tsx']!.file;
    expect(login.has(layoutChunk)).toBe(false);
  });
});
