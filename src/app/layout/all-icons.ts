import { initializeIcons } from '@fluentui/font-icons-mdl2';
import { ICON_FONT_BASE } from '../icons.ts';

/** Signed-in pages may use any MDL2 icon; registered when the layout chunk loads, before it renders. */
initializeIcons(ICON_FONT_BASE, { disableWarnings: true });
