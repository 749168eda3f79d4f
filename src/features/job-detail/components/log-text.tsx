import { mergeStyleSets, Text, useTheme } from '@fluentui/react';
import { useEffect, useMemo, useRef } from 'react';
import { highlight, logLines, searchLines } from '../model/log-text.ts';

const classes = mergeStyleSets({
  log: {
    margin: 0,
    padding: 8,
    maxHeight: '60vh',
    overflow: 'auto',
    fontFamily: 'monospace',
    fontSize: 12,
    lineHeight: 18,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
  number: {
    display: 'inline-block',
    minWidth: 48,
    paddingRight: 12,
    textAlign: 'right',
    opacity: 0.5,
    userSelect: 'none',
  },
});

interface LogTextProps {
  text: string;
  /** False when `text` is a tail that was cut. */
  complete: boolean;
  query: string;
  /** Keep the newest line in view while the log grows (unless the person scrolled up). */
  follow: boolean;
  label: string;
}

/** A log with line numbers; with a query, only matching lines, the matches highlighted. */
export function LogText({ text, complete, query, follow, label }: LogTextProps) {
  const theme = useTheme();
  const box = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => logLines(text, complete), [text, complete]);
  const shown = useMemo(() => searchLines(lines, query), [lines, query]);
  const atBottom = useRef(true);

  useEffect(() => {
    if (follow && atBottom.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [text, follow]);

  return (
    <>
      {query.trim() && (
        <Text variant="small" role="status">
          {shown.length} of {lines.length} lines match
        </Text>
      )}
      <pre
        ref={box}
        className={classes.log}
        style={{ background: theme.palette.neutralLighter }}
        aria-label={label}
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
        }}
      >
        {lines.length === 0 ? (
          <span>(nothing printed yet)</span>
        ) : (
          shown.map((line) => (
            <div key={line.number}>
              <span className={classes.number}>{line.number}</span>
              {highlight(line.text, query).map((part, index) =>
                part.match ? (
                  <mark key={index}>{part.text}</mark>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </div>
          ))
        )}
      </pre>
    </>
  );
}
