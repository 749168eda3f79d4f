import { mergeStyleSets } from '@fluentui/react';
import { useClock } from '../lib/clock.ts';
import { formatDuration } from '../lib/format.ts';
import { queueSpan, runSpan, type JobTimesSource, type Span } from '../lib/job-times.ts';

/** A wait shorter than this is the scheduler's normal pace, not worth a line in a list. */
const NOTABLE_WAIT_MS = 10_000;

// Smaller, not fainter: the list's cells are already the theme's secondary text colour, and any
// opacity on it falls below a 4.5:1 contrast.
const classes = mergeStyleSets({
  note: { display: 'block', fontSize: 12, whiteSpace: 'nowrap' },
});

function SpanText({ span }: { span: Span }) {
  return 'ms' in span ? formatDuration(span.ms) : <i>{span.note}</i>;
}

/** How long the job ran (from its start), ticking with the page's one clock. */
export function JobDuration({ job }: { job: JobTimesSource }) {
  const now = useClock();
  return <SpanText span={runSpan(job, now)} />;
}

/** How long the job waited in its queue before it started (or so far). */
export function QueueTime({ job }: { job: JobTimesSource }) {
  const now = useClock();
  return <SpanText span={queueSpan(job, now)} />;
}

/** Under a list's duration, the queue time apart ("waited 3m"), when the wait was notable. */
export function QueueTimeNote({ job }: { job: JobTimesSource }) {
  const span = queueSpan(job, useClock());
  // A classic OpenPAI list has no launch time: its queue time cannot be told apart.
  if (job.appLaunchedTime === undefined || !('ms' in span) || span.ms < NOTABLE_WAIT_MS)
    return null;
  const started = job.appLaunchedTime !== null;
  return (
    <span className={classes.note} data-testid="queue-time">
      {started || job.completedTime !== null ? 'waited' : 'waiting'} {formatDuration(span.ms)}
    </span>
  );
}
