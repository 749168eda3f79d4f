import { SearchBox } from '@fluentui/react';
import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 300;

/** Keyword search, sent after a pause in typing; follows the URL when it changes (back button). */
export function KeywordBox({
  value,
  onChange,
}: {
  value: string;
  onChange: (keyword: string) => void;
}) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onChange(text);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onChange]);
  return (
    <SearchBox
      placeholder="Search job or user name"
      ariaLabel="Search jobs by job or user name"
      value={text}
      onChange={(_, next) => setText(next ?? '')}
      onSearch={(next) => {
        sent.current = next;
        onChange(next);
      }}
      styles={{ root: { width: 260 } }}
    />
  );
}
