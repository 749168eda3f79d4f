import { ChoiceGroup, Dropdown } from '@fluentui/react';
import type { ReactNode } from 'react';
import type { LogStream, TaskAddress } from '../../../api/jobs/get-task-log.ts';
import { WrapRow } from '../../../components/wrap-row.tsx';
import { taskLabel } from '../model/task-summary.ts';

/** A task to pick, with its state when it is known (the current attempt's tasks). */
export interface PickableTask extends TaskAddress {
  state?: string;
}

interface TaskStreamPickerProps {
  tasks: PickableTask[];
  task: TaskAddress;
  stream: LogStream;
  onChange: (task: TaskAddress, stream: LogStream) => void;
  /** More controls on the same row. */
  children?: ReactNode;
}

const keyOf = (task: TaskAddress) => `${task.role}/${task.index}`;

/** Which task's log, and which of its streams, on a row with the caller's other controls. */
export function TaskStreamPicker({
  tasks,
  task,
  stream,
  onChange,
  children,
}: TaskStreamPickerProps) {
  return (
    <WrapRow gap={16} align="end">
      <Dropdown
        label="Task"
        selectedKey={keyOf(task)}
        options={tasks.map((option) => ({
          key: keyOf(option),
          text:
            taskLabel(option.role, option.index) +
            (option.state ? ` (${option.state.toLowerCase()})` : ''),
        }))}
        onChange={(_, option) => {
          const next = tasks.find((candidate) => keyOf(candidate) === option?.key);
          if (next) onChange({ role: next.role, index: next.index }, stream);
        }}
        styles={{ root: { minWidth: 220 } }}
      />
      <ChoiceGroup
        label="Stream"
        selectedKey={stream}
        options={[
          { key: 'stdout', text: 'stdout' },
          { key: 'stderr', text: 'stderr' },
        ]}
        onChange={(_, option) =>
          option && onChange({ role: task.role, index: task.index }, option.key as LogStream)
        }
        styles={{ flexContainer: { display: 'flex', gap: 16 } }}
      />
      {children}
    </WrapRow>
  );
}
