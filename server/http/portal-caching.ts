import { relative, sep } from 'node:path';

/** A year: the longest lifetime HTTP caches honour. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Cache-Control for a file of the built portal. Vite's chunks (`assets/`) carry a hash of their
 * content in their name, and the icon fonts (`fonts/`) the version of the package they come from,
 * so a browser keeps them without asking again: a warm page load sends no request for its code.
 * Every other file (index.html, favicon.svg) is checked with the server on each
 * use, so a new build is seen at once.
 */
export function portalCacheControl(portalDir: string, file: string): string {
  const [top] = relative(portalDir, file).split(sep);
  return top === 'assets' || top === 'fonts' ? IMMUTABLE : 'no-cache';
}
