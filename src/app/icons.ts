import { registerIcons } from '@fluentui/react';
import { FIRST_PAGE_ICONS } from './first-page-icons.ts';

/** Icon fonts come from our own build (`/fonts/`, emitted by vite.config.ts), never from a CDN. */
export const ICON_FONT_BASE = `${import.meta.env.BASE_URL}fonts/`;

/** Which icons are registered: none yet, the sign-in page's few, or the full set. */
let registered: 'none' | 'first page' | 'all' = 'none';

/**
 * The sign-in page's icons only; signed-in pages register the full set (layout/all-icons.ts),
 * which may already have happened: a signed-in page's chunks can run before the app starts.
 */
export function registerFirstPageIcons(): void {
  if (registered !== 'none') return;
  registered = 'first page';
  for (const { font, file, icons } of FIRST_PAGE_ICONS) {
    registerIcons(
      {
        style: {
          MozOsxFontSmoothing: 'grayscale',
          WebkitFontSmoothing: 'antialiased',
          fontStyle: 'normal',
          fontWeight: 'normal',
          speak: 'none',
        },
        fontFace: {
          fontFamily: `"${font}"`,
          src: `url('${ICON_FONT_BASE}${file}') format('woff')`,
        },
        icons,
      },
      { disableWarnings: true },
    );
  }
}

/** For the full set (layout/all-icons.ts): whether the sign-in page's icons are there to replace. */
export function replaceFirstPageIcons(): boolean {
  const replacing = registered === 'first page';
  registered = 'all';
  return replacing;
}
