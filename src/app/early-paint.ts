import type { JobListItem, JobListPage } from '../../contract/api-types.ts';
import { jobListQuery } from '../api/jobs/job-list-query.ts';
import { requestFromView, viewFromParams } from '../features/jobs/list-view.ts';
import { startEarlyRequest } from '../lib/api-client.ts';
import { loadRuntimeConfig } from '../lib/runtime-config.ts';
import { drawJobList } from './first-paint.ts';
import { pageChunks, signedInPageOf } from './page-chunks.ts';

/**
 * Opening the job list signed in: asks for the page of jobs the list will show (the same request,
 * which the app then takes instead of asking again) and draws it while the app's modules load.
 * Anything unexpected (an error, a classic server's array, no jobs) draws nothing: the app says it.
 */
async function paintJobListEarly(): Promise<void> {
  if (signedInPageOf(location.pathname) !== pageChunks.jobs) return;
  await loadRuntimeConfig();
  const view = viewFromParams(new URLSearchParams(location.search));
  const answer = startEarlyRequest('/api/v1/jobs', jobListQuery(requestFromView(view)));
  if (!answer) return; // signed out, or the session has expired
  const response = await answer;
  if (!response.ok) return;
  const page = (await response.json()) as JobListPage | JobListItem[];
  if (Array.isArray(page) || !Array.isArray(page.data) || page.data.length === 0) return;
  // Drawn only into an empty root: the app has not rendered yet.
  const root = document.getElementById('root');
  if (root?.childElementCount === 0) drawJobList(root, page.data);
}

/**
 * Settles once the early drawing is on screen, or once there is nothing to draw. Started by
 * whichever of index.html's scripts (early.ts, main.tsx) runs first; they share this module.
 */
export const earlyPaint: Promise<void> = paintJobListEarly().catch(() => undefined);
