import {
  filesWithMonaco,
  gzipSize,
  lazyModuleFiles,
  readManifest,
  RESOURCE_CHARTS_MODULE,
  routeFiles,
  routeSize,
  ROUTE_MODULES,
  staticClosure,
  type Manifest,
  type RouteName,
} from '../test/bundle-size.ts';
import { bareReactBuild, portalBuild } from './fixtures/builds.ts';
import { atMost, type BenchSection, type Measurement } from './section.ts';

const KB = 1000;
const ROUTES: { route: RouteName; label: string; budget?: number }[] = [
  { route: 'login', label: 'login', budget: 200 * KB },
  { route: 'dashboard', label: 'dashboard', budget: 350 * KB },
  { route: 'jobs', label: 'job list', budget: 350 * KB },
  { route: 'jobDetail', label: 'job detail', budget: 350 * KB },
  { route: 'submit', label: 'submit' },
  { route: 'adminUsers', label: 'admin: users', budget: 350 * KB },
  { route: 'adminVirtualClusters', label: 'admin: virtual clusters', budget: 350 * KB },
];
/** What the job page's Resources tab adds when it opens (test/bundle-size.test.ts has the same). */
const RESOURCE_CHARTS_BUDGET = 8 * KB;
/** The pages allowed to load Monaco: submit, and job detail for its config view. */
const MONACO_ALLOWED = new Set<RouteName>(['submit', 'jobDetail']);

/** Chunks a route can load later: dynamic imports from its first load, except other pages' routes. */
function lazyChunks(manifest: Manifest, route: RouteName): Set<string> {
  const routeModules = new Set<string>(Object.values(ROUTE_MODULES).flat());
  const firstLoad = staticClosure(manifest, [
    Object.keys(manifest).find((key) => manifest[key]!.isEntry)!,
    ...ROUTE_MODULES[route],
  ]);
  const reachable = new Set<string>();
  const visit = (keys: Iterable<string>) => {
    for (const key of keys) {
      for (const lazy of manifest[key]!.dynamicImports ?? []) {
        if (routeModules.has(lazy) || reachable.has(lazy) || firstLoad.has(lazy)) continue;
        const added = [...staticClosure(manifest, [lazy])].filter((chunk) => !reachable.has(chunk));
        added.forEach((chunk) => reachable.add(chunk));
        visit(added);
      }
    }
  };
  visit(firstLoad);
  return reachable;
}

/** Section 2: gzip bytes each route loads first, against a bare React 19 page built in this run. */
export const bundleSection: BenchSection = {
  name: 'bundle',
  async run() {
    const [portal, bare] = await Promise.all([portalBuild(), bareReactBuild()]);
    const bareManifest = readManifest(bare.outDir);
    const bareFiles = routeFiles(bareManifest, []);
    const bareBytes = gzipSize(bare.outDir, bareFiles).gzipBytes;
    const manifest = readManifest(portal.outDir);
    const rows: Measurement[] = [
      {
        metric: 'bare React 19 + ReactDOM page (baseline)',
        value: bareBytes,
        unit: 'B',
        note: `gzip JS+CSS, ${bareFiles.length === 1 ? 'one file' : `${bareFiles.length} files`}, same Vite`,
      },
    ];
    const monacoFirst: string[] = [];
    const monacoLater: string[] = [];
    const monacoChunks = new Set(
      filesWithMonaco(
        portal.outDir,
        Object.values(manifest).map((chunk) => chunk.file),
      ),
    );
    for (const { route, label, budget } of ROUTES) {
      const size = routeSize(portal.outDir, route, manifest);
      rows.push({
        metric: `${label}: first load`,
        value: size.gzipBytes,
        unit: 'B',
        ...(budget ? atMost(size.gzipBytes, budget, `${budget / KB} kB`) : {}),
        note: `${(size.gzipBytes / bareBytes).toFixed(2)}× the bare page; gzip JS+CSS, ${size.files.length} files`,
      });
      if (filesWithMonaco(portal.outDir, size.files).length) monacoFirst.push(label);
      if ([...lazyChunks(manifest, route)].some((key) => monacoChunks.has(manifest[key]!.file)))
        monacoLater.push(label);
    }
    const charts = lazyModuleFiles(manifest, 'jobDetail', RESOURCE_CHARTS_MODULE);
    const chartBytes = gzipSize(portal.outDir, charts.files).gzipBytes;
    rows.push({
      metric: 'job detail: Resources tab charts, loaded when the tab opens',
      value: chartBytes,
      unit: 'B',
      ...atMost(chartBytes, RESOURCE_CHARTS_BUDGET, `${RESOURCE_CHARTS_BUDGET / KB} kB`),
      ...(charts.inFirstLoad ? { ok: false } : {}),
      note: charts.inFirstLoad
        ? 'in the first load: it should be lazy'
        : `gzip JS+CSS, ${charts.files.length} ${charts.files.length === 1 ? 'file' : 'files'}`,
    });
    const outside = ROUTES.filter(
      ({ route, label }) => !MONACO_ALLOWED.has(route) && monacoLater.includes(label),
    );
    rows.push(
      {
        metric: 'pages with Monaco in their first load',
        value: monacoFirst.length,
        unit: 'pages',
        ...atMost(monacoFirst.length, 0),
        note: monacoFirst.join(', ') || 'none',
      },
      {
        metric: 'pages that can load Monaco later',
        value: monacoLater.length,
        unit: 'pages',
        target: 'submit, job detail (config)',
        ok: outside.length === 0,
        note: `${monacoLater.join(', ') || 'none'}; portal build ${(portal.ms / 1000).toFixed(0)} s`,
      },
    );
    return rows;
  },
};
