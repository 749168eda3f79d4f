import { ActionButton, mergeStyleSets, Stack, Text, useTheme } from '@fluentui/react';
import type { JobDetail, TaskStatus } from '../../../../contract/api-types.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ExitCode } from '../../../components/exit-code.tsx';
import { StateBadge } from '../../../components/state-badge.tsx';
import { visuallyHidden } from '../../../components/visually-hidden.ts';
import { WrapRow } from '../../../components/wrap-row.tsx';
import type { TaskAddress } from '../../../api/jobs/get-task-log.ts';
import { whyNoTasks } from '../model/no-tasks.ts';
import { countByState, gpuIndices, taskLabel } from '../model/task-summary.ts';

const classes = mergeStyleSets({
  // Fixed column widths: every task role's table lines up with the others; a narrow window
  // scrolls the table instead of squeezing it.
  scroller: { overflowX: 'auto' },
  table: {
    width: '100%',
    minWidth: 640,
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    selectors: { 'th, td': { textAlign: 'left', padding: '4px 8px', verticalAlign: 'middle' } },
  },
  copyable: { display: 'inline-flex', alignItems: 'center', gap: 2, fontFamily: 'monospace' },
});

/** Index, State, IP, Ports, GPUs, Exit code, Actions. */
const COLUMN_WIDTHS = ['7%', '14%', '17%', '22%', '9%', '11%', '20%'];

interface TaskRolesProps {
  detail: JobDetail;
  onShowLogs: (task: TaskAddress) => void;
  onShowSsh: (task: TaskAddress) => void;
}

/** Per task role: counts by state and a table of its tasks. */
export function TaskRoles({ detail, onShowLogs, onShowSsh }: TaskRolesProps) {
  const roles = Object.entries(detail.taskRoles);
  if (roles.length === 0) return <Text>{whyNoTasks(detail.jobStatus)}</Text>;
  return (
    <Stack tokens={{ childrenGap: 24 }}>
      {roles.map(([role, { taskStatuses }]) => (
        <section key={role} aria-label={`Task role ${role}`}>
          <WrapRow gap={12}>
            <Text as="h3" variant="mediumPlus" styles={{ root: { margin: 0 } }}>
              Task role {role}
            </Text>
            {countByState(taskStatuses).map(({ state, count }) => (
              <Text key={state} variant="small">
                {count} {state.toLowerCase()}
              </Text>
            ))}
          </WrapRow>
          <TaskTable
            role={role}
            tasks={taskStatuses}
            onShowLogs={onShowLogs}
            onShowSsh={onShowSsh}
          />
        </section>
      ))}
    </Stack>
  );
}

interface TaskTableProps {
  role: string;
  tasks: TaskStatus[];
  onShowLogs: (task: TaskAddress) => void;
  onShowSsh: (task: TaskAddress) => void;
}

function TaskTable({ role, tasks, onShowLogs, onShowSsh }: TaskTableProps) {
  const theme = useTheme();
  return (
    <div className={classes.scroller}>
      <table className={classes.table}>
        <caption className={visuallyHidden}>Tasks of {role}</caption>
        <colgroup>
          {COLUMN_WIDTHS.map((width, column) => (
            <col key={column} style={{ width }} />
          ))}
        </colgroup>
        <thead style={{ borderBottom: `1px solid ${theme.palette.neutralLight}` }}>
          <tr>
            <th scope="col">Index</th>
            <th scope="col">State</th>
            <th scope="col">IP</th>
            <th scope="col">Ports</th>
            <th scope="col">GPUs</th>
            <th scope="col">Exit code</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const label = taskLabel(role, task.taskIndex);
            const address = { role, index: task.taskIndex };
            return (
              <tr
                key={task.taskIndex}
                style={{ borderBottom: `1px solid ${theme.palette.neutralLighter}` }}
              >
                <td>{task.taskIndex}</td>
                <td>
                  <StateBadge job={{ state: task.taskState, executionType: 'START' }} />
                </td>
                <td>
                  {task.containerIp ? (
                    <span className={classes.copyable}>
                      {task.containerIp}
                      <CopyButton text={task.containerIp} label={`IP of ${label}`} />
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {Object.entries(task.containerPorts ?? {}).map(([portLabel, port]) => (
                    <span key={portLabel} className={classes.copyable} style={{ marginRight: 8 }}>
                      {portLabel}: {port}
                      <CopyButton text={port} label={`${portLabel} port of ${label}`} />
                    </span>
                  ))}
                </td>
                <td>{gpuIndices(task.containerGpus).join(', ') || '—'}</td>
                <td>
                  <ExitCode code={task.containerExitCode} />
                </td>
                <td>
                  <ActionButton
                    iconProps={{ iconName: 'TextDocument' }}
                    ariaLabel={`Logs of ${label}`}
                    onClick={() => onShowLogs(address)}
                  >
                    Logs
                  </ActionButton>
                  <ActionButton
                    iconProps={{ iconName: 'Remote' }}
                    ariaLabel={`SSH to ${label}`}
                    disabled={task.taskState !== 'RUNNING'}
                    title={
                      task.taskState === 'RUNNING'
                        ? undefined
                        : 'SSH is open only while the task runs'
                    }
                    onClick={() => onShowSsh(address)}
                  >
                    SSH
                  </ActionButton>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
