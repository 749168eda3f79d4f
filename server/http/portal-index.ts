import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The line of the built index.html that preloads config.json (see index.html). */
const PRELOAD = /<link rel="preload" href="[^"]*config\.json"[^>]*>/;

/** JSON that cannot end the <script> element it sits in, whatever its strings hold. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The portal's index.html with its runtime config written in, as a JSON data block the portal
 * reads at start instead of fetching config.json (one round trip fewer before the first page).
 * A data block is not a script: the CSP's `script-src 'self'` stays as strict as it is.
 * The file is read again only when the build replaces it.
 */
export function portalIndex(portalDir: string, config: () => unknown): () => string {
  const file = join(portalDir, 'index.html');
  let cached: { mtimeMs: number; text: string } | undefined;
  return () => {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, text: readFileSync(file, 'utf8') };
    const block = `<script type="application/json" id="pai-config">${scriptSafeJson(config())}</script>`;
    return PRELOAD.test(cached.text)
      ? cached.text.replace(PRELOAD, block)
      : cached.text.replace('</head>', `${block}</head>`);
  };
}
