/** "45s", "12m 5s", "3h 4m", "2d 5h": the two largest units are enough to compare jobs. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const units: [string, number][] = [
    ['d', Math.floor(seconds / 86400)],
    ['h', Math.floor(seconds / 3600) % 24],
    ['m', Math.floor(seconds / 60) % 60],
    ['s', seconds % 60],
  ];
  const first = units.findIndex(([, value]) => value > 0);
  if (first === -1) return '0s';
  return units
    .slice(first, first + 2)
    .filter(([, value]) => value > 0)
    .map(([unit, value]) => `${value}${unit}`)
    .join(' ');
}

// Made on first use: the first Intl formatter of a page starts ICU, which should not hold up
// the evaluation of every module that imports this one.
let relativeFormat: Intl.RelativeTimeFormat | undefined;
const relative = () =>
  (relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "3 minutes ago", "yesterday", "just now". Never in the future: a time a little ahead of this
 * browser's clock (another machine's clock, or a tick not yet taken) reads "just now".
 */
export function formatRelativeTime(time: number, now = Date.now()): string {
  const seconds = Math.min(0, Math.round((time - now) / 1000));
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative().format(Math.trunc(seconds / size), unit);
  }
  return Math.abs(seconds) < 10 ? 'just now' : relative().format(seconds, 'second');
}

let exactFormat: Intl.DateTimeFormat | undefined;
const exact = () =>
  (exactFormat ??= new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }));

/** The exact local date and time. */
export function formatDateTime(time: number): string {
  return exact().format(new Date(time));
}
