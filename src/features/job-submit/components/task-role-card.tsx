import { IconButton, mergeStyleSets, Stack, Text, TextField, useTheme } from '@fluentui/react';
import { removeValue, setValue } from '../config-text/edit-config.ts';
import { textOf, type Fields } from '../model/config-view.ts';
import { fieldHelp } from '../model/field-help.ts';
import { IntegerField } from './integer-field.tsx';
import { PortList } from './port-list.tsx';
import type { EditText } from './form-types.ts';

const classes = mergeStyleSets({
  card: { borderWidth: 1, borderStyle: 'solid', borderRadius: 4, padding: 12 },
  numbers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))',
    gap: 8,
  },
});

const NUMBER_FIELDS = [
  { key: 'taskNumber', label: 'Instances', min: 1, placeholder: '1' },
  { key: 'cpuNumber', label: 'CPUs', min: 1, placeholder: '1' },
  { key: 'memoryMB', label: 'Memory (MB)', min: 100, placeholder: '100' },
  { key: 'gpuNumber', label: 'GPUs', min: 0, placeholder: '0' },
  { key: 'shmMB', label: 'Shared memory (MB)', min: 0, placeholder: '64' },
] as const;

interface TaskRoleCardProps {
  index: number;
  role: Fields;
  edit: EditText;
  disabled: boolean;
  canRemove: boolean;
}

/** One task role: name, resources, command and ports. */
export function TaskRoleCard({ index, role, edit, disabled, canRemove }: TaskRoleCardProps) {
  const theme = useTheme();
  const path = ['taskRoles', index];
  const name = textOf(role.name) || `task role ${index + 1}`;
  return (
    <section
      className={classes.card}
      style={{ borderColor: theme.palette.neutralLight }}
      aria-label={`Task role ${name}`}
    >
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center">
        <Text as="h3" variant="mediumPlus" styles={{ root: { margin: 0 } }}>
          Task role {name}
        </Text>
        <IconButton
          iconProps={{ iconName: 'Delete' }}
          ariaLabel={`Remove task role ${name}`}
          title={canRemove ? `Remove task role ${name}` : 'A job needs at least one task role'}
          disabled={disabled || !canRemove}
          onClick={() => edit((text) => removeValue(text, path))}
        />
      </Stack>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField
          label="Name"
          required
          value={textOf(role.name)}
          disabled={disabled}
          description={fieldHelp.taskRole('name')}
          onChange={(_, value = '') => edit((text) => setValue(text, [...path, 'name'], value))}
        />
        <div className={classes.numbers}>
          {NUMBER_FIELDS.map((field) => (
            <IntegerField
              key={field.key}
              label={field.label}
              value={role[field.key]}
              min={field.min}
              placeholder={field.placeholder}
              disabled={disabled}
              onChange={(value) => edit((text) => setValue(text, [...path, field.key], value))}
            />
          ))}
        </div>
        <TextField
          label="Command"
          required
          multiline
          autoAdjustHeight
          value={textOf(role.command)}
          disabled={disabled}
          description={fieldHelp.taskRole('command')}
          styles={{ field: { fontFamily: 'monospace' } }}
          onChange={(_, value = '') => edit((text) => setValue(text, [...path, 'command'], value))}
        />
        <PortList
          roleIndex={index}
          roleName={name}
          ports={role.portList}
          edit={edit}
          disabled={disabled}
        />
      </Stack>
    </section>
  );
}
