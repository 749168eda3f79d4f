import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { MessageBar, MessageBarType, Spinner, useTheme } from '@fluentui/react';
import type * as MonacoApi from 'monaco-editor/editor/editor.api';
import { loadMonaco } from './load-monaco.ts';
import { bindSchema } from './json-schemas.ts';
import { minimalEdit } from './minimal-edit.ts';
import type { EditorHandle, EditorProblem, JsonSchemaBinding, TextMarker } from './types.ts';

export interface MonacoEditorProps {
  value: string;
  onChange?: (text: string) => void;
  readOnly?: boolean;
  language?: 'json' | 'plaintext';
  ariaLabel: string;
  /** CSS height of the editor box. */
  height: string;
  jsonSchema?: JsonSchemaBinding;
  /** Problems found outside Monaco (rules a JSON Schema cannot express, server errors). */
  markers?: TextMarker[];
  /** Every problem now shown in the editor, Monaco's own and `markers`. */
  onProblemsChange?: (problems: EditorProblem[]) => void;
  onCtrlEnter?: () => void;
}

type Loaded = Awaited<ReturnType<typeof loadMonaco>>;
const MARKER_OWNER = 'pai';

/** A lazily loaded Monaco editor bound to one text; outside changes are applied as minimal edits. */
export const MonacoEditor = forwardRef<EditorHandle, MonacoEditorProps>(
  function MonacoEditor(props, ref) {
    const {
      value,
      readOnly = false,
      language = 'json',
      ariaLabel,
      height,
      jsonSchema,
      markers,
    } = props;
    const container = useRef<HTMLDivElement>(null);
    const [loaded, setLoaded] = useState<Loaded | null>(null);
    const [loadError, setLoadError] = useState<string | null>(null);
    const [editor, setEditor] = useState<MonacoApi.editor.IStandaloneCodeEditor | null>(null);
    const modelUri = `inmemory://pai/${useId().replace(/[^\w-]/g, '')}.json`;
    const callbacks = useRef(props);
    /** Texts the editor reported and React has not rendered yet: a `value` among them is an echo, not an outside change. */
    const reported = useRef<string[]>([]);
    const isDark = useTheme().isInverted;

    useEffect(() => {
      callbacks.current = props;
    });

    useEffect(() => {
      let cancelled = false;
      loadMonaco().then(
        (module) => !cancelled && setLoaded(module),
        (error: unknown) =>
          !cancelled && setLoadError(error instanceof Error ? error.message : String(error)),
      );
      return () => {
        cancelled = true;
      };
    }, []);

    // Create the editor once Monaco is here; `value` at that moment seeds the model.
    const initialValue = useRef(value);
    useEffect(() => {
      if (!loaded || !container.current) return;
      const { monaco } = loaded;
      const model = monaco.editor.createModel(
        initialValue.current,
        language,
        monaco.Uri.parse(modelUri),
      );
      const created = monaco.editor.create(container.current, {
        model,
        readOnly,
        ariaLabel,
        automaticLayout: true,
        wordWrap: 'on',
        renderFinalNewline: 'on', // the dimmed number fails colour contrast
        dropIntoEditor: { enabled: false }, // the page imports dropped files itself
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        tabSize: 2,
        fixedOverflowWidgets: true,
      });
      const subscriptions = [
        model.onDidChangeContent(() => {
          const text = model.getValue();
          reported.current = [...reported.current.slice(-50), text];
          callbacks.current.onChange?.(text);
        }),
        monaco.editor.onDidChangeMarkers((uris) => {
          if (!uris.some((uri) => uri.toString() === model.uri.toString())) return;
          callbacks.current.onProblemsChange?.(problemsOf(monaco, model));
        }),
      ];
      created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () =>
        callbacks.current.onCtrlEnter?.(),
      );
      // Monaco only signals changes: a text that starts clean is reported once, here.
      callbacks.current.onProblemsChange?.(problemsOf(monaco, model));
      setEditor(created);
      return () => {
        subscriptions.forEach((subscription) => subscription.dispose());
        created.dispose();
        model.dispose();
        setEditor(null);
      };
      // The editor is created once; later prop changes are applied by the effects below.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [loaded, modelUri]);

    useEffect(() => {
      if (!loaded || !editor) return;
      return bindSchema(loaded.jsonDefaults, editor.getModel()!.uri.toString(), jsonSchema);
    }, [loaded, editor, jsonSchema]);

    useEffect(() => {
      const model = editor?.getModel();
      if (!model) return;
      // An echo may lag behind typing; applying it would undo the keys typed since.
      const echo = reported.current.lastIndexOf(value);
      if (echo !== -1) {
        reported.current = reported.current.slice(echo + 1);
        return;
      }
      reported.current = [];
      const edit = minimalEdit(model.getValue(), value);
      if (!edit) return;
      const range = rangeOf(model, edit.offset, edit.length);
      if (readOnly) model.setValue(value);
      else model.pushEditOperations([], [{ range, text: edit.text }], () => null);
    }, [editor, value, readOnly]);

    useEffect(() => {
      editor?.updateOptions({ readOnly, ariaLabel });
    }, [editor, readOnly, ariaLabel]);

    useEffect(() => {
      loaded?.monaco.editor.setTheme(isDark ? 'vs-dark' : 'vs');
    }, [loaded, isDark]);

    useEffect(() => {
      const model = editor?.getModel();
      if (!loaded || !model) return;
      loaded.monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        (markers ?? []).map((marker) => {
          const range = rangeOf(model, marker.offset, Math.max(marker.length, 1));
          const severity =
            marker.severity === 'error'
              ? loaded.monaco.MarkerSeverity.Error
              : loaded.monaco.MarkerSeverity.Warning;
          return { ...range, message: marker.message, severity, source: 'PAI' };
        }),
      );
    }, [loaded, editor, markers]);

    useImperativeHandle(
      ref,
      () => ({
        revealOffset(offset) {
          const model = editor?.getModel();
          if (!editor || !model) return;
          const position = model.getPositionAt(offset);
          editor.setPosition(position);
          editor.revealPositionInCenter(position);
          editor.focus();
        },
        focus: () => editor?.focus(),
      }),
      [editor],
    );

    if (loadError) {
      return (
        <MessageBar messageBarType={MessageBarType.error}>
          The editor could not be loaded ({loadError}). Reload the page to try again.
        </MessageBar>
      );
    }
    return (
      <div style={{ position: 'relative', height }} data-testid="monaco-editor">
        {!editor && (
          <Spinner label="Loading the editor…" style={{ position: 'absolute', inset: 0 }} />
        )}
        <div ref={container} style={{ height: '100%' }} />
      </div>
    );
  },
);

function rangeOf(model: MonacoApi.editor.ITextModel, offset: number, length: number) {
  const start = model.getPositionAt(offset);
  const end = model.getPositionAt(offset + length);
  return {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

function problemsOf(monaco: Loaded['monaco'], model: MonacoApi.editor.ITextModel): EditorProblem[] {
  return monaco.editor
    .getModelMarkers({ resource: model.uri })
    .filter((marker) => marker.severity >= monaco.MarkerSeverity.Warning)
    .map((marker) => ({
      message: marker.message,
      severity: marker.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
      line: marker.startLineNumber,
      column: marker.startColumn,
      offset: model.getOffsetAt({ lineNumber: marker.startLineNumber, column: marker.startColumn }),
      ownCheck: marker.owner !== MARKER_OWNER,
    }));
}
