/** Settings read from `config.json` at start, so one build serves the local server or a real cluster. */
export interface RuntimeConfig {
  /** Where the REST server lives; '' means the portal's own origin. */
  restServerUri: string;
  authnMethod?: 'basic' | 'OIDC';
  /** Azure AD and other settings are kept as given for the features that read them. */
  [setting: string]: unknown;
}

let current: RuntimeConfig = { restServerUri: '' };

export function runtimeConfig(): RuntimeConfig {
  return current;
}

export function setRuntimeConfig(config: RuntimeConfig): void {
  current = config;
}

/** Checks the shape of a parsed `config.json`; throws an Error that names what is wrong. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('config.json must hold a JSON object such as {"restServerUri": ""}.');
  }
  const settings = value as Record<string, unknown>;
  const uri = settings.restServerUri ?? '';
  if (typeof uri !== 'string')
    throw new Error(
      'config.json: "restServerUri" must be a string (a URL, or "" for this origin).',
    );
  if (uri !== '' && !/^https?:\/\//.test(uri)) {
    throw new Error(
      `config.json: "restServerUri" must start with http:// or https:// (got "${uri}").`,
    );
  }
  const authnMethod = settings.authnMethod;
  if (authnMethod !== undefined && authnMethod !== 'basic' && authnMethod !== 'OIDC') {
    throw new Error('config.json: "authnMethod" must be "basic" or "OIDC".');
  }
  return { ...settings, restServerUri: uri.replace(/\/+$/, '') };
}

/** The id of the `<script type="application/json">` block the local server writes the config into. */
export const INLINE_CONFIG_ID = 'pai-config';

/** The config written into index.html by the server that served it; null when there is none. */
function inlineConfig(): RuntimeConfig | null {
  const block = document.getElementById(INLINE_CONFIG_ID);
  if (!block?.textContent) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(block.textContent);
  } catch {
    throw new Error('The config in index.html is not valid JSON.');
  }
  return parseRuntimeConfig(parsed);
}

const loads = new Map<string, Promise<RuntimeConfig>>();

/**
 * The app mounts only after this succeeds. Read once per page (the early script and the app share
 * the answer); a failure is read again next time. When the local server serves the portal, the
 * config is already in index.html (no round trip); otherwise `config.json` beside index.html, which
 * index.html preloads so its request starts with the entry script's, not after it.
 */
export function loadRuntimeConfig(
  url = `${import.meta.env.BASE_URL}config.json`,
): Promise<RuntimeConfig> {
  let load = loads.get(url);
  if (!load) {
    load = readRuntimeConfig(url);
    loads.set(url, load);
    load.catch(() => loads.delete(url));
  }
  return load;
}

async function readRuntimeConfig(url: string): Promise<RuntimeConfig> {
  const inline = inlineConfig();
  if (inline) {
    setRuntimeConfig(inline);
    return inline;
  }
  let response: Response;
  try {
    // Same mode and credentials as the <link rel="preload" as="fetch" crossorigin>: it is reused.
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new Error(`Could not load ${url}: the server did not answer.`);
  }
  if (!response.ok)
    throw new Error(`Could not load ${url}: the server answered ${response.status}.`);
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON.`);
  }
  const config = parseRuntimeConfig(parsed);
  setRuntimeConfig(config);
  return config;
}
