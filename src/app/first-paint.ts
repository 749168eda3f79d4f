import type { JobListItem } from '../../contract/api-types.ts';
import { displayState } from '../../contract/job-state.ts';
import { jobDetailPath } from '../lib/job-links.ts';
import { NARROW } from './layout/breakpoints.ts';
import { initialTheme } from './theme/theme-name.ts';

/** Marks the drawing, so it can be told apart from the app's own list. */
const FIRST_PAINT_ATTRIBUTE = 'data-first-paint';

/** The few colours the drawing needs, from the app's light and dark themes (themes.ts). */
const COLOURS = {
  light: { background: '#ffffff', text: '#323130', link: '#0078d4', line: '#edebe9' },
  dark: { background: '#1b1a19', text: '#ffffff', link: '#2899f5', line: '#31302f' },
};
const FONT =
  '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';
/** The list's columns that need no Intl: the first Intl formatter of a page starts ICU (~70 ms here). */
const COLUMNS: [string, (job: JobListItem) => string][] = [
  ['User', (job) => job.username],
  ['Virtual cluster', (job) => job.virtualCluster],
  ['State', (job) => displayState(job)],
];

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.style.cssText = style;
  node.append(...children);
  return node;
}

/**
 * The job list's first page, drawn without React or Fluent while the app's modules load, in the
 * signed-in frame (top bar, room for the nav, the page). React's first commit replaces it.
 */
export function drawJobList(root: HTMLElement, jobs: JobListItem[]): void {
  const colours = COLOURS[initialTheme()];
  const narrow = window.matchMedia?.(NARROW).matches;
  const cell = `text-align:left;padding:6px 12px 6px 8px;border-bottom:1px solid ${colours.line};white-space:nowrap;overflow:hidden;text-overflow:ellipsis`;
  const rows = jobs.map((job) => {
    const link = element('a', `color:${colours.link};text-decoration:none`, job.name);
    link.href = jobDetailPath(job);
    return element(
      'tr',
      '',
      element('td', cell, link),
      ...COLUMNS.map(([, text]) => element('td', cell, text(job))),
    );
  });
  const table = element(
    'table',
    'border-collapse:collapse;width:100%;table-layout:fixed;font-size:12px',
    element(
      'thead',
      '',
      element(
        'tr',
        '',
        ...['Name', ...COLUMNS.map(([name]) => name)].map((name) =>
          element('th', `${cell};font-weight:600`, name),
        ),
      ),
    ),
    element('tbody', '', ...rows),
  );
  table.setAttribute('aria-label', 'Jobs');
  const frame = element(
    'div',
    `display:grid;grid-template-rows:48px 1fr;grid-template-columns:${narrow ? 'minmax(0,1fr)' : '200px minmax(0,1fr)'};height:100vh;font-family:${FONT};font-size:14px;background:${colours.background};color:${colours.text};pointer-events:none;user-select:none`,
    element(
      'div',
      'grid-column:1/-1;background:#004578;color:#ffffff;display:flex;align-items:center;padding:0 16px;font-size:18px;font-weight:600',
      'PAI Portal',
    ),
    ...(narrow ? [] : [element('div', '')]),
    element(
      'div',
      `overflow:hidden;padding:${narrow ? '12px' : '16px 24px'}`,
      element('div', 'font-size:20px;font-weight:600;margin-bottom:12px', 'Jobs'),
      table,
    ),
  );
  // For the eye only: React replaces it in its first commit, so nothing in it can be used.
  frame.setAttribute(FIRST_PAINT_ATTRIBUTE, '');
  frame.setAttribute('aria-hidden', 'true');
  frame.inert = true;
  root.append(frame);
}
