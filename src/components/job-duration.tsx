import { useClock } from '../lib/clock.ts';
import { formatDuration } from '../lib/format.ts';
import { queueSpan, runSpan, type JobTimesSource, type Span } from '../lib/job-times.ts';

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
