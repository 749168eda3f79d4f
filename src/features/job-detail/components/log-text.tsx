import { Link, mergeStyleSets, Text, useTheme } from '@fluentui/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { highlight, logLines, searchLines } from '../model/log-text.ts';

const classes = mergeStyleSets({
  log: {
    margin: 0,
    padding: 8,
    // Fits the page's scrolling area (below the 48 px top bar), so that its last line can be in view.
    maxHeight: 'max(240px, calc(100vh - 140px))',
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
  const [atBottom, setAtBottom] = useState(true);
  // Whether the box's bottom edge was on screen: the page is only moved for someone who saw it.
  const bottomOnScreen = useRef(true);

  useLayoutEffect(() => {
    const element = box.current;
    if (!follow || !atBottom || !element) return;
    const keepNewestInView = () => {
      element.scrollTop = element.scrollHeight;
      if (bottomOnScreen.current) element.scrollIntoView({ block: 'nearest' });
    };
    keepNewestInView();
    // A resized window rewraps the page above the log: the newest line must stay in view then too.
    window.addEventListener('resize', keepNewestInView);
    return () => window.removeEventListener('resize', keepNewestInView);
  }, [text, follow, atBottom]);

  useEffect(() => {
    const element = box.current;
    const scroller = element?.closest('main') ?? window;
    const check = () => {
      if (!element) return;
      const view = element.closest('main')?.getBoundingClientRect().bottom ?? window.innerHeight;
      bottomOnScreen.current = element.getBoundingClientRect().bottom <= view + 1;
    };
    scroller.addEventListener('scroll', check, { passive: true });
    return () => scroller.removeEventListener('scroll', check);
  }, []);

  return (
    <>
      {follow && (
        <Text variant="small" role="status">
          {atBottom ? (
            'Following: the newest line stays in view. Scroll up to pause.'
          ) : (
            <>
              Paused while you read above; new lines are added below.{' '}
              <Link
                onClick={() => {
                  bottomOnScreen.current = true;
                  if (box.current) box.current.scrollTop = box.current.scrollHeight;
                  setAtBottom(true);
                }}
              >
                Jump to the newest line
              </Link>{' '}
              or scroll to the bottom to follow again.
            </>
          )}
        </Text>
      )}
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
          setAtBottom(element.scrollHeight - element.scrollTop - element.clientHeight < 24);
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
