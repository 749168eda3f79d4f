import { useSyncExternalStore } from 'react';

/**
 * One clock for the whole page: every relative time and duration reads the same "now", and all of
 * them move on the same whole-second tick, so "Submitted 44 seconds ago" and "Duration 52s" never
 * disagree. Only components that show a time subscribe, so a tick re-renders time cells only.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
  // Aligned to the next whole second, so the ticks do not drift apart from the wall clock.
  timer = setTimeout(tick, 1000 - (now % 1000));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setTimeout(tick, 1000 - (now % 1000));
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The shared current time (ms), updated once a second while anything shows a time. */
export function useClock(): number {
  return useSyncExternalStore(subscribe, () => now);
}
