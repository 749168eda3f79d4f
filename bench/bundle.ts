import {
  filesWithMonaco,
  gzipSize,
  readManifest,
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
  { route: 'jobDetail', label: 'job detail' },
  { route: 'submit', label: 'submit' },
];
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
