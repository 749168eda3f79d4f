import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One entry of Vite's `.vite/manifest.json`. */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** The route modules (src/app/routes/*) each page loads lazily; signed-in pages also load the layout. */
export const ROUTE_MODULES = {
  login: ['src/app/routes/login.tsx'],
  dashboard: ['src/app/routes/layout.tsx', 'src/app/routes/dashboard.tsx'],
  jobs: ['src/app/routes/layout.tsx', 'src/app/routes/jobs.tsx'],
  jobDetail: ['src/app/routes/layout.tsx', 'src/app/routes/job-detail.tsx'],
  submit: ['src/app/routes/layout.tsx', 'src/app/routes/submit.tsx'],
  adminUsers: ['src/app/routes/layout.tsx', 'src/app/routes/admin-users.tsx'],
  adminVirtualClusters: ['src/app/routes/layout.tsx', 'src/app/routes/admin-virtual-clusters.tsx'],
} as const;

/** The job page's Resources tab (charts), which it imports only when that tab opens. */
export const RESOURCE_CHARTS_MODULE =
  'src/features/job-detail/components/resources/resource-panel.tsx';

export type RouteName = keyof typeof ROUTE_MODULES;

export interface RouteSize {
  /** Gzip bytes (zlib default level, as a web server sends them) of every JS and CSS file. */
  gzipBytes: number;
  rawBytes: number;
  files: string[];
}

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** index.html's scripts: every page loads all of them (the app's entry and the early one). */
function entryKeys(manifest: Manifest): string[] {
  const keys = Object.keys(manifest).filter((name) => manifest[name]!.isEntry);
  if (!keys.length) throw new Error('The manifest has no entry chunk.');
  return keys;
}

/** The chunks a page loads before it renders: the given chunks and everything they import statically. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest.`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

/** The JS and CSS files of a route's first load: entry, its static imports, the route's lazy chunks and theirs. */
export function routeFiles(manifest: Manifest, routeModules: readonly string[]): string[] {
  const files = new Set<string>();
  for (const key of staticClosure(manifest, [...entryKeys(manifest), ...routeModules])) {
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return [...files].sort();
}

export function gzipSize(
  distDir: string,
  files: readonly string[],
): { gzipBytes: number; rawBytes: number } {
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { gzipBytes, rawBytes };
}

export function routeSize(
  distDir: string,
  route: RouteName,
  manifest = readManifest(distDir),
): RouteSize {
  const files = routeFiles(manifest, ROUTE_MODULES[route]);
  return { ...gzipSize(distDir, files), files };
}

/** Files among `files` that carry Monaco's editor (its global environment hook is a stable marker). */
export function filesWithMonaco(distDir: string, files: readonly string[]): string[] {
  return files.filter(
    (file) =>
      file.endsWith('.js') &&
      readFileSync(join(distDir, file), 'utf8').includes('MonacoEnvironment'),
  );
}

/**
 * The JS and CSS files a lazily imported module adds to a route that has already loaded: its
 * chunk and its static imports, less what the route's first load holds.
 */
export function lazyModuleFiles(
  manifest: Manifest,
  route: RouteName,
  module: string,
): { files: string[]; inFirstLoad: boolean } {
  const firstLoad = staticClosure(manifest, [...entryKeys(manifest), ...ROUTE_MODULES[route]]);
  const files = new Set<string>();
  for (const key of staticClosure(manifest, [module])) {
    if (firstLoad.has(key)) continue;
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return { files: [...files].sort(), inFirstLoad: firstLoad.has(module) };
}
