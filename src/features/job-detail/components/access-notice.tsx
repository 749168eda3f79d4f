import { MessageBar, MessageBarType } from '@fluentui/react';
import type { ReactNode } from 'react';

/** Says why a part of the page is not shown, instead of showing it broken. */
export function AccessNotice({ children }: { children: ReactNode }) {
  return (
    <MessageBar messageBarType={MessageBarType.info} isMultiline>
      {children}
    </MessageBar>
  );
}
