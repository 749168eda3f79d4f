import {
  ActionButton,
  MessageBar,
  MessageBarType,
  Stack,
  Text,
  type IDropdown,
} from '@fluentui/react';
import type { RefObject } from 'react';
import { appendItem } from '../config-text/edit-config.ts';
import { asFields, asItems, textOf, uniqueName } from '../model/config-view.ts';
import { EnvList } from './env-list.tsx';
import { JobFields } from './job-fields.tsx';
import { TaskRoleCard } from './task-role-card.tsx';
import type { EditText } from './form-types.ts';

interface JobFormProps {
  /** The config as of the last text that parsed. */
  config: unknown;
  edit: EditText;
  /** Where the JSON is broken, or null when it parses. */
  syntaxError: { line: number; message: string } | null;
  virtualClusters: string[] | undefined;
  virtualClusterError?: string;
  virtualClusterRef: RefObject<IDropdown | null>;
}

/** The common fields as a form: a second view of the editor's text. */
export function JobForm({
  config,
  edit,
  syntaxError,
  virtualClusters,
  virtualClusterError,
  virtualClusterRef,
}: JobFormProps) {
  const fields = asFields(config);
  const roles = asItems(fields.taskRoles).map(asFields);
  const disabled = syntaxError !== null;
  const addRole = () => {
    const name = uniqueName(
      roles.length === 0 ? 'main' : 'worker',
      roles.map((role) => textOf(role.name)),
    );
    const role = {
      name,
      taskNumber: 1,
      cpuNumber: 1,
      memoryMB: 1024,
      gpuNumber: 0,
      command: `echo "${name} $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX"`,
    };
    edit((text) => appendItem(text, ['taskRoles'], role));
  };
  return (
    <form aria-label="Job form" onSubmit={(event) => event.preventDefault()}>
      <Stack tokens={{ childrenGap: 16 }}>
        {syntaxError && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            The JSON has an error on line {syntaxError.line} ({syntaxError.message}). The form shows
            the last valid config; fix the JSON to edit here again. Nothing you typed is lost.
          </MessageBar>
        )}
        <JobFields
          config={fields}
          edit={edit}
          disabled={disabled}
          virtualClusters={virtualClusters}
          virtualClusterError={virtualClusterError}
          virtualClusterRef={virtualClusterRef}
        />
        <Text as="h2" variant="large" styles={{ root: { margin: 0 } }}>
          Task roles
        </Text>
        {roles.map((role, index) => (
          <TaskRoleCard
            key={index}
            index={index}
            role={role}
            edit={edit}
            disabled={disabled}
            canRemove={roles.length > 1}
          />
        ))}
        <ActionButton iconProps={{ iconName: 'Add' }} disabled={disabled} onClick={addRole}>
          Add task role
        </ActionButton>
        <Text as="h2" variant="large" styles={{ root: { margin: 0 } }}>
          Environment variables
        </Text>
        <EnvList jobEnvs={fields.jobEnvs} edit={edit} disabled={disabled} />
      </Stack>
    </form>
  );
}
