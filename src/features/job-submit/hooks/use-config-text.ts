import { useCallback, useMemo, useState } from 'react';
import { readConfig, type ConfigReading } from '../config-text/read-config.ts';

export interface ConfigText {
  text: string;
  reading: ConfigReading;
  /** The config as of the last text that parsed: the form shows this while the JSON has an error. */
  lastGoodValue: unknown;
  /** Replaces the whole text (typing in the editor, a template, an import). */
  setText: (text: string) => void;
  /** Applies a form edit to the current text (see config-text/edit-config.ts). */
  edit: (change: (text: string) => string) => void;
}

/** The one text the editor and the form are views of. */
export function useConfigText(initialText: string): ConfigText {
  const [text, setText] = useState(initialText);
  const [lastGoodText, setLastGoodText] = useState(initialText);
  const reading = useMemo(() => readConfig(text), [text]);
  if (reading.ok && lastGoodText !== text) setLastGoodText(text);
  const lastGoodReading = useMemo(() => readConfig(lastGoodText), [lastGoodText]);
  const lastGoodValue = reading.ok
    ? reading.value
    : lastGoodReading.ok
      ? lastGoodReading.value
      : {};
  const edit = useCallback(
    (change: (text: string) => string) => setText((current) => change(current)),
    [],
  );
  return { text, reading, lastGoodValue, setText, edit };
}
