import { IconButton, TooltipHost } from '@fluentui/react';
import { useEffect, useId, useState } from 'react';
import { copyText } from '../lib/clipboard.ts';
import { visuallyHidden } from './visually-hidden.ts';

interface CopyButtonProps {
  text: string;
  /** What is copied, e.g. "SSH command"; names the button for screen readers. */
  label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text`, then says so for a moment (visibly and to screen readers). */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const tooltipId = useId();
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const tip =
    state === 'copied'
      ? 'Copied'
      : state === 'failed'
        ? 'Copy failed: select the text and copy it'
        : `Copy ${label}`;
  return (
    <TooltipHost content={tip} id={tooltipId}>
      <IconButton
        iconProps={{ iconName: state === 'copied' ? 'CheckMark' : 'Copy' }}
        ariaLabel={`Copy ${label}`}
        aria-describedby={tooltipId}
        onClick={() =>
          copyText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          )
        }
      />
      <span role="status" className={visuallyHidden}>
        {state === 'copied' ? `${label} copied` : ''}
      </span>
    </TooltipHost>
  );
}
