import { earlyPaint } from './app/early-paint.ts';

/** The longest the app waits for the early drawing: a slow list answer must not hold up the page. */
const EARLY_PAINT_WAIT_MS = 500;

// The app's modules are evaluated after the early drawing (index.html has already asked for them):
// evaluating them takes the main thread for a few hundred ms, which the drawing would otherwise
// wait behind.
void Promise.race([earlyPaint, new Promise((resolve) => setTimeout(resolve, EARLY_PAINT_WAIT_MS))])
  .then(() => import('./app/start-app.tsx'))
  .then(({ startApp }) => startApp());
