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

export default defineConfig({
  plugins: [react(), localIconFonts()],
  build: {
    outDir: 'dist',
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
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
