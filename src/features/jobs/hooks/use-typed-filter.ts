import { useCallback, useEffect, useRef, useState } from 'react';

/** The pause after the last keystroke before a typed filter applies. */
export const FILTER_PAUSE_MS = 400;

type Apply = (text: string, options: { replace: boolean }) => void;

/**
 * A filter typed into a box: it applies after a pause in typing and at once on Enter, and follows
 * the URL when that changes (Back). Each change is a new history entry, except that typing on (or
 * deleting back) in the same edit replaces the entry it made: pauses inside one word do not each
 * need a Back. Enter and leaving the box end the edit.
 */
export function useTypedFilter(value: string, apply: Apply) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const pushed = useRef(false);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  }, [apply]);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  const applyNow = useCallback((next: string) => {
    const previous = sent.current;
    if (next === previous) return;
    sent.current = next;
    const continued = next.startsWith(previous) || previous.startsWith(next);
    applyRef.current(next, { replace: pushed.current && continued });
    pushed.current = true;
  }, []);
  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => applyNow(text), FILTER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, applyNow]);
  const endEdit = useCallback(() => {
    pushed.current = false;
  }, []);
  return { text, setText, applyNow, endEdit };
}
