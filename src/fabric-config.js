// Fluent UI reads this before it loads: no web fonts from its CDN (the portal must work on a closed network).
globalThis.FabricConfig = Object.assign(globalThis.FabricConfig || {}, { fontBaseUrl: '' });
