import { hiddenContentStyle, mergeStyles } from '@fluentui/react';

/** Read by screen readers, not shown. */
export const visuallyHidden = mergeStyles(hiddenContentStyle);
