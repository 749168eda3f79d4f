import { DirectionalHint, mergeStyleSets, TooltipHost } from '@fluentui/react';
import { useId } from 'react';
import { exitCodeMeaning } from '../lib/exit-codes.ts';

const classes = mergeStyleSets({
  explained: { cursor: 'help', textDecoration: 'underline dotted', textUnderlineOffset: 3 },
});

/** An exit code; a known one says what it means on hover and on focus (and to screen readers). */
export function ExitCode({ code }: { code: number | null }) {
  const tooltipId = useId();
  if (code === null) return <>—</>;
  const meaning = exitCodeMeaning(code);
  if (!meaning) return <>{code}</>;
  return (
    <TooltipHost content={meaning} id={tooltipId} directionalHint={DirectionalHint.topCenter}>
      <span
        className={classes.explained}
        tabIndex={0}
        aria-describedby={tooltipId}
        data-exit-code={code}
      >
        {code}
      </span>
    </TooltipHost>
  );
}
