export { MonacoEditor, type MonacoEditorProps } from './monaco-editor.tsx';
export type { EditorHandle, EditorProblem, JsonSchemaBinding, TextMarker } from './types.ts';
