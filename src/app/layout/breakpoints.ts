/** Below this width the navigation hides behind the top bar's menu button. */
export const NARROW = '(max-width: 720px)';
