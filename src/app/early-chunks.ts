import { startPageChunks } from './page-chunks.ts';

// Imported first by main.tsx, so this runs before the app's own modules are evaluated.
startPageChunks();
