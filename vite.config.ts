import type { OutputBundle } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const apiTarget = process.env.PAI_DEV_API ?? 'http://127.0.0.1:9186';
const iconFontDir = fileURLToPath(
  new URL('./node_modules/@fluentui/font-icons-mdl2/fonts/', import.meta.url),
);

/** Fluent's icon fonts served from our own origin at /fonts/ (dev) and emitted into dist/fonts/ (build): no CDN. */
function localIconFonts(): Plugin {
  const fonts = readdirSync(iconFontDir).filter((file) => file.endsWith('.woff'));
  return {
    name: 'local-icon-fonts',
    configureServer(server) {
      server.middlewares.use('/fonts', (request, response, next) => {
        const file = (request.url ?? '').replace(/^\//, '').split('?')[0];
        if (!file || !fonts.includes(file)) return next();
        response.setHeader('Content-Type', 'font/woff');
        response.end(readFileSync(iconFontDir + file));
      });
    },
    generateBundle() {
      for (const file of fonts) {
        this.emitFile({
          type: 'asset',
          fileName: `fonts/${file}`,
          source: readFileSync(iconFontDir + file),
        });
      }
    },
  };
}

/**
 * `src/fabric-config.js` is a classic script that must run before Fluent's modules (module
 * scripts keep no order with it otherwise). Dev serves it as it is; the build emits it under a
 * hashed name in assets/, so browsers keep it like the chunks instead of asking for it on every
 * page load, and points index.html at that name.
 */
function fabricConfigScript(): Plugin {
  const path = '/src/fabric-config.js';
  const source = () => readFileSync(fileURLToPath(new URL(`.${path}`, import.meta.url)), 'utf8');
  return {
    name: 'fabric-config-script',
    enforce: 'post',
    configureServer(server) {
      server.middlewares.use(path, (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript');
        response.end(source());
      });
    },
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string' || !html.source.includes(path))
        this.error(`index.html must load ${path}`);
      const file = this.getFileName(
        this.emitFile({ type: 'asset', name: 'fabric-config.js', source: source() }),
      );
      html.source = html.source.replace(`src="${path}"`, `src="/${file}"`);
    },
  };
}

/** `file` and every chunk it imports statically, directly or not. */
function staticClosure(bundle: OutputBundle, file: string): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    const item = bundle[name];
    if (found.has(name) || item?.type !== 'chunk') return;
    found.add(name);
    item.imports.forEach(visit);
  };
  visit(file);
  return [...found];
}

/** The chunk of the app's start, which main.tsx imports once the early drawing is done. */
const START_APP = 'start-app';

/**
 * `src/early.ts` is its own entry with its own `async` script tag, so it runs as soon as its few
 * modules have loaded: not after the app's modules, as Vite would have it (it bundles every module
 * script of index.html into one entry), nor after the document's classic scripts. The app's
 * start (`src/app/start-app.tsx`, imported by main.tsx after the early drawing) is preloaded with
 * its imports, so only its evaluation waits. Dev serves index.html as it is.
 */
function earlyEntry(): Plugin {
  const path = '/src/early.ts';
  // Vite leaves a `vite-ignore` tag in place, without the attribute.
  const tag = new RegExp(`\\s*<script type="module" src="${path}"[^>]*></script>`);
  let chunk = '';
  return {
    name: 'early-entry',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      chunk = this.emitFile({
        type: 'chunk',
        id: fileURLToPath(new URL(`.${path}`, import.meta.url)),
        name: 'early',
      });
    },
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string' || !tag.test(html.source))
        this.error(`index.html must load ${path} with a vite-ignore module script`);
      const start = Object.values(bundle).find(
        (item) =>
          item.type === 'chunk' && item.facadeModuleId?.endsWith(`/src/app/${START_APP}.tsx`),
      );
      if (!start) this.error(`no chunk for src/app/${START_APP}.tsx`);
      const source = html.source.replace(tag, '');
      const app = source.indexOf('<script type="module"');
      if (app < 0) this.error("index.html has no module script for the app's entry");
      const [early, ...earlyImports] = staticClosure(bundle, this.getFileName(chunk));
      const preload = (name: string) => `<link rel="modulepreload" crossorigin href="/${name}">`;
      const head = [
        `<script type="module" async crossorigin src="/${early}"></script>`,
        ...earlyImports.map(preload),
      ];
      const startPreloads = staticClosure(bundle, start.fileName)
        .filter((name) => !source.includes(`/${name}"`) && !earlyImports.includes(name))
        .map(preload);
      html.source = `${source.slice(0, app)}${head.join('\n    ')}\n    ${source
        .slice(app)
        .replace('</head>', `${startPreloads.map((line) => `  ${line}\n  `).join('')}</head>`)}`;
    },
  };
}

export default defineConfig({
  plugins: [react(), localIconFonts(), fabricConfigScript(), earlyEntry()],
  build: {
    outDir: 'dist',
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // Every browser the portal supports knows <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: {
      polyfill: false,
      // main.tsx's import of the app's start: index.html already preloads it and its imports.
      resolveDependencies: (file, deps) => (file.includes(`/${START_APP}-`) ? [] : deps),
    },
  },
  // Monaco's entry points are pre-bundled together at start, so opening /submit in dev does not
  // trigger a re-optimization and a page reload.
  optimizeDeps: {
    include: [
      'monaco-editor/editor/editor.api',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/features/json/register',
    ],
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': apiTarget },
  },
});
