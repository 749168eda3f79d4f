import { registerIcons } from '@fluentui/react';
import { FIRST_PAGE_ICONS } from './first-page-icons.ts';

/** Icon fonts come from our own build (`/fonts/`, emitted by vite.config.ts), never from a CDN. */
export const ICON_FONT_BASE = `${import.meta.env.BASE_URL}fonts/`;

/** The sign-in page's icons only; signed-in pages register the full set (layout/all-icons.ts). */
export function registerFirstPageIcons(): void {
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
