import { formatDateTime, formatRelativeTime } from '../lib/format.ts';
import { useClock } from '../lib/clock.ts';

/** "5 minutes ago", with the exact local time on hover; moves with the page's one clock. */
export function RelativeTime({ time }: { time: number }) {
  const now = useClock();
  return (
    <time dateTime={new Date(time).toISOString()} title={formatDateTime(time)}>
      {formatRelativeTime(time, now)}
    </time>
  );
}
