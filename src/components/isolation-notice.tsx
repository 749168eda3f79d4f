import { MessageBar, MessageBarType } from '@fluentui/react';
import type { TaskIsolationInfo } from '../../contract/api-types.ts';

interface IsolationNoticeProps {
  /** The cluster info's `taskIsolation`; absent on servers that do not report it. */
  isolation: TaskIsolationInfo | undefined;
  admin: boolean;
}

/** Says so when jobs on this server are not isolated from each other (README "Task isolation"). */
export function IsolationNotice({ isolation, admin }: IsolationNoticeProps) {
  if (isolation?.mode === 'none')
    return (
      <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline>
        <strong>Jobs on this server are not isolated. </strong>
        It runs with PAI_TASK_ISOLATION=none: every job runs as the server&apos;s own user and can
        read other users&apos; jobs, the server&apos;s secrets and its database. Use it only if you
        are its one user.
      </MessageBar>
    );
  if (isolation?.mode === 'admins-only')
    return (
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        <strong>This server cannot isolate jobs, so only administrators can run jobs. </strong>
        {admin
          ? `Your jobs run unisolated, as the server's own user. To let others run jobs, fix this and restart the server: ${isolation.problem}.`
          : `Ask an administrator to fix this and restart the server: ${isolation.problem}.`}
      </MessageBar>
    );
  return null;
}
