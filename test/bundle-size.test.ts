import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  filesWithMonaco,
  readManifest,
  routeFiles,
  routeSize,
  type Manifest,
} from './bundle-size.ts';
import { ensureBuild } from './ensure-build.ts';

const KB = 1000;
const BUDGETS = { login: 200 * KB, dashboard: 350 * KB, jobs: 350 * KB } as const;

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
    mkdirSync(join(dir, '.vite'));
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

  it('the login page loads none of the signed-in shell', () => {
    const login = new Set(routeSize(distDir, 'login', manifest).files);
    const layoutChunk = manifest['src/app/routes/layout.tsx']!.file;
    expect(login.has(layoutChunk)).toBe(false);
  });
});
