import type { DisplayState } from '../../contract/job-state.ts';

/** The states people filter and count by, in OpenPAI's order ("Unknown" is never offered). */
export const DISPLAY_STATES: readonly DisplayState[] = [
  'Waiting',
  'Running',
  'Stopping',
  'Succeeded',
  'Failed',
  'Stopped',
];
