// Only the editor core, its features and the JSON language: the full package is ~700 KB gzip more.
import * as monaco from 'monaco-editor/editor/editor.api';
// eslint-disable-next-line no-restricted-imports -- monaco-editor's own features folder, not a portal feature
import 'monaco-editor/features/register.all';
// eslint-disable-next-line no-restricted-imports -- monaco-editor's own folder name
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

// Workers are built by Vite and served from our origin (no CDN, works under a strict CSP).
globalThis.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

export { monaco, jsonDefaults };
export type Monaco = typeof monaco;
