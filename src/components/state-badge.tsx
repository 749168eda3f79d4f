import { mergeStyleSets, useTheme } from '@fluentui/react';
import type { ExecutionType, JobState } from '../../contract/api-types.ts';
import { displayState, type DisplayState } from '../../contract/job-state.ts';

/** One hue per display state; the text keeps the theme's body colour so it stays readable. */
export const STATE_COLORS: Record<DisplayState, string> = {
  Waiting: '#c19c00',
  Running: '#0078d4',
  Stopping: '#ca5010',
  Succeeded: '#107c10',
  Failed: '#d13438',
  Stopped: '#8a8886',
  Unknown: '#8a8886',
};

const classes = mergeStyleSets({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 6,
    padding: '1px 8px',
    borderRadius: 10,
    borderWidth: 1,
    borderStyle: 'solid',
    whiteSpace: 'nowrap',
    fontSize: 12,
    lineHeight: 18,
  },
  dot: { width: 8, height: 8, borderRadius: '50%', flexShrink: 0 },
});

/** A job's state as people read it ("Stopping" while a stop is pending), from contract/job-state.ts. */
export function StateBadge({ job }: { job: { state: JobState; executionType: ExecutionType } }) {
  const theme = useTheme();
  const state = displayState(job);
  const color = STATE_COLORS[state];
  return (
    <span
      className={classes.badge}
      style={{ borderColor: color, color: theme.semanticColors.bodyText }}
      data-state={state}
    >
      <span className={classes.dot} style={{ background: color }} aria-hidden="true" />
      {state}
    </span>
  );
}
