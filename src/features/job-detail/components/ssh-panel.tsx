import { Dropdown, Spinner, Stack, Text } from '@fluentui/react';
import type { JobDetail, JobStatus } from '../../../../contract/api-types.ts';
import { isTerminal } from '../../../../contract/job-state.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { PaiError } from '../../../lib/pai-error.ts';
import type { TaskAddress } from '../../../api/jobs/get-task-log.ts';
import { useSshInfo } from '../hooks/job-queries.ts';
import type { JobRef } from '../model/job-ref.ts';
import { hostAlias, sshSteps } from '../model/ssh-commands.ts';
import { taskLabel } from '../model/task-summary.ts';
import { AccessNotice } from './access-notice.tsx';
import { CommandLine } from './command-line.tsx';
import { KeyDownload } from './key-download.tsx';

interface SshPanelProps {
  job: JobRef;
  detail: JobDetail;
  mayAccess: boolean;
  selected: TaskAddress | null;
  onSelect: (task: TaskAddress) => void;
}

/** How to SSH into a running task, in numbered steps; or why that is not possible now. */
export function SshPanel({ job, detail, mayAccess, selected, onSelect }: SshPanelProps) {
  const status = detail.jobStatus;
  const running = status.state === 'RUNNING';
  const ssh = useSshInfo(job, { enabled: mayAccess && !isTerminal(status.state), running });
  const reason = whyNoSsh(status, mayAccess);
  if (reason) return <AccessNotice>{reason}</AccessNotice>;
  if (ssh.isError && !ssh.data) {
    if (ssh.error instanceof PaiError && ssh.error.code === 'NoJobSshInfoError') {
      return (
        <AccessNotice>
          This job has no SSH info on this server (for example, it was imported from another
          cluster).
        </AccessNotice>
      );
    }
    return (
      <ErrorBar
        error={ssh.error}
        title="Could not load the SSH info"
        onRetry={() => void ssh.refetch()}
      />
    );
  }
  if (!ssh.data) return <Spinner label="Loading the SSH info…" />;
  const tasks = Object.entries(detail.taskRoles).flatMap(([role, { taskStatuses }]) =>
    taskStatuses.map((task) => ({ role, index: task.taskIndex, containerId: task.containerId })),
  );
  const choices = ssh.data.containers.map((container) => {
    const task = tasks.find((candidate) => candidate.containerId === container.id);
    return { container, task: task ? { role: task.role, index: task.index } : null };
  });
  if (choices.length === 0) {
    return (
      <Spinner
        label="No task serves SSH yet; it opens a few seconds after a task starts. Waiting…"
        labelPosition="right"
      />
    );
  }
  const chosen =
    choices.find(
      (choice) =>
        choice.task &&
        selected &&
        choice.task.role === selected.role &&
        choice.task.index === selected.index,
    ) ?? choices[0]!;
  const { keyPair } = ssh.data;
  const alias = hostAlias(
    status.username,
    job.name,
    chosen.task?.role ?? 'task',
    chosen.task?.index ?? 0,
  );
  const steps = sshSteps({
    user: status.username,
    ip: chosen.container.sshIp,
    port: chosen.container.sshPort,
    keyFile: keyPair.privateKeyFileName,
    hostAlias: alias,
    hostPublicKey: ssh.data.hostPublicKey,
  });
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Dropdown
        label="Task"
        selectedKey={chosen.container.id}
        options={choices.map((choice) => ({
          key: choice.container.id,
          text: `${choice.task ? taskLabel(choice.task.role, choice.task.index) : choice.container.id} — port ${choice.container.sshPort}`,
        }))}
        onChange={(_, option) => {
          const task = choices.find((choice) => choice.container.id === option?.key)?.task;
          if (task) onSelect(task);
        }}
        styles={{ root: { maxWidth: 360 } }}
      />
      {ssh.isError && (
        <ErrorBar
          error={ssh.error}
          title="Could not refresh the SSH info; showing the last answer"
        />
      )}
      <ol style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 12 }}>
        <li>
          <Text block>
            Download the job&apos;s private key (only {status.username} and admins can).
          </Text>
          <KeyDownload
            link={keyPair.privateKeyDirectDownloadLink}
            fileName={keyPair.privateKeyFileName}
          />
        </li>
        <li>
          <Text block>In the folder where you saved it, make it readable only by you:</Text>
          <CommandLine text={steps.chmod} label="chmod command" />
        </li>
        {steps.knownHosts && (
          <li>
            <Text block>
              Save this server&apos;s host key beside it, so that ssh can check it is talking to
              this server (the same key serves every task):
            </Text>
            <CommandLine text={steps.knownHosts} label="known_hosts command" />
          </li>
        )}
        <li>
          <Text block>Connect:</Text>
          <CommandLine text={steps.ssh} label="SSH command" />
          {!steps.knownHosts && (
            <Text block variant="small">
              This cluster does not publish its host key, so the command skips the host check.
            </Text>
          )}
        </li>
      </ol>
      <Text block>
        For VS Code Remote-SSH (or plain <code>ssh {alias}</code>), move the key
        {steps.knownHosts ? ' and its .known_hosts file' : ''} to <code>~/.ssh/</code> and add this
        to <code>~/.ssh/config</code>, then choose &quot;Remote-SSH: Connect to Host…&quot; and pick{' '}
        {alias}:
      </Text>
      <CommandLine text={steps.sshConfig} label="~/.ssh/config block" />
    </Stack>
  );
}

function whyNoSsh(status: JobStatus, mayAccess: boolean): string | null {
  if (!mayAccess)
    return `Only ${status.username} or an admin can SSH into this job's tasks: the key opens a shell as the job.`;
  if (isTerminal(status.state))
    return `The job has ended (${status.state.toLowerCase()}), and SSH closed with its tasks.`;
  if (status.executionType === 'STOP') return 'The job is stopping; SSH closes with its tasks.';
  if (status.state === 'WAITING')
    return 'SSH opens when the job’s tasks run. This panel shows how to connect as soon as they do.';
  return null;
}
