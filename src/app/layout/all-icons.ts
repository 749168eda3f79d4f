import { initializeIcons } from '@fluentui/font-icons-mdl2';
import { unregisterIcons } from '@fluentui/react';
import { FIRST_PAGE_ICONS } from '../first-page-icons.ts';
import { ICON_FONT_BASE, replaceFirstPageIcons } from '../icons.ts';

// Signed-in pages may use any MDL2 icon: the full set replaces the sign-in page's few, before the layout renders.
if (replaceFirstPageIcons())
  unregisterIcons(FIRST_PAGE_ICONS.flatMap(({ icons }) => Object.keys(icons)));
initializeIcons(ICON_FONT_BASE, { disableWarnings: true });
