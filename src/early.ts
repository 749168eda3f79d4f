// First: evaluating it starts the drawing, whose wait for the config is then the first in line.
import './app/early-paint.ts';
import { startPageChunks } from './app/page-chunks.ts';
import { loadRuntimeConfig } from './lib/runtime-config.ts';

// index.html's async script: a few small modules, so this runs before the app's own modules have
// even loaded. The job list asks for its first page and draws it (early-paint.ts); the page's
// chunks are requested right after. Both wait for the same config, and the drawing waited first,
// so its request goes out before the chunks'.
void loadRuntimeConfig().then(
  () => startPageChunks(),
  () => undefined,
);
