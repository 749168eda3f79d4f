import { DirectionalHint, mergeStyleSets, TooltipHost } from '@fluentui/react';
import { useId } from 'react';

export const LEGACY_JOB_EXPLANATION =
  'A legacy job was created before jobs had per-user namespaces (OpenPAI before v0.8), so its address has no user name. ' +
  'You can still read it and stop it, but new legacy jobs cannot be created: cloning it makes a normal job in your namespace.';

const classes = mergeStyleSets({
  badge: {
    display: 'inline-block',
    padding: '0 6px',
    borderRadius: 2,
    fontSize: 11,
    fontWeight: 600,
    lineHeight: 16,
    textTransform: 'uppercase',
    letterSpacing: 0.4,
    cursor: 'help',
    background: '#fce100',
    color: '#201f1e',
  },
});

/** Marks a legacy (un-namespaced) job and says, on hover or focus, what that means. */
export function LegacyBadge() {
  const tooltipId = useId();
  return (
    <TooltipHost
      content={LEGACY_JOB_EXPLANATION}
      id={tooltipId}
      directionalHint={DirectionalHint.bottomLeftEdge}
    >
      <span
        className={classes.badge}
        tabIndex={0}
        aria-describedby={tooltipId}
        data-testid="legacy-badge"
      >
        legacy
      </span>
    </TooltipHost>
  );
}
