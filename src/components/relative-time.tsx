import { formatDateTime, formatRelativeTime } from '../lib/format.ts';
import { useNow } from '../lib/use-now.ts';

/** "5 minutes ago", with the exact local time on hover. */
export function RelativeTime({ time }: { time: number }) {
  const now = useNow();
  return (
    <time dateTime={new Date(time).toISOString()} title={formatDateTime(time)}>
      {formatRelativeTime(time, now)}
    </time>
  );
}
