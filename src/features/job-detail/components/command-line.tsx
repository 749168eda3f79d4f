import { mergeStyleSets, useTheme } from '@fluentui/react';
import { CopyButton } from '../../../components/copy-button.tsx';

const classes = mergeStyleSets({
  row: { display: 'flex', alignItems: 'flex-start', gap: 4, maxWidth: '100%' },
  code: {
    flexGrow: 1,
    margin: 0,
    padding: '6px 8px',
    borderRadius: 2,
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: 13,
  },
});

/** A command or a file snippet, as it must be typed, with a copy button. */
export function CommandLine({ text, label }: { text: string; label: string }) {
  const theme = useTheme();
  return (
    <div className={classes.row}>
      <pre
        className={classes.code}
        style={{ background: theme.palette.neutralLighter }}
        aria-label={label}
      >
        {text}
      </pre>
      <CopyButton text={text} label={label} />
    </div>
  );
}
