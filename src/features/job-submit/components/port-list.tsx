import { ActionButton, IconButton, Stack, TextField } from '@fluentui/react';
import { appendItem, removeValue, setValue } from '../config-text/edit-config.ts';
import { asFields, asItems, textOf, uniqueName } from '../model/config-view.ts';
import { fieldHelp } from '../model/field-help.ts';
import { IntegerField } from './integer-field.tsx';
import type { EditText } from './form-types.ts';

interface PortListProps {
  roleIndex: number;
  roleName: string;
  ports: unknown;
  edit: EditText;
  disabled: boolean;
}

/** A task role's `portList`: label, first port, count. */
export function PortList({ roleIndex, roleName, ports, edit, disabled }: PortListProps) {
  const path = ['taskRoles', roleIndex, 'portList'];
  const items = asItems(ports).map(asFields);
  const addPort = () => {
    const label = uniqueName(
      'port',
      items.map((port) => textOf(port.label)),
    );
    edit((text) => appendItem(text, path, { label, beginAt: 0, portNumber: 1 }));
  };
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {items.map((port, index) => (
        <Stack key={index} horizontal verticalAlign="end" tokens={{ childrenGap: 8 }} wrap>
          <TextField
            label="Port label"
            value={textOf(port.label)}
            disabled={disabled}
            title={fieldHelp.port('label')}
            onChange={(_, value = '') =>
              edit((text) => setValue(text, [...path, index, 'label'], value))
            }
          />
          <IntegerField
            label="First port (0: any)"
            value={port.beginAt}
            min={0}
            disabled={disabled}
            onChange={(value) => edit((text) => setValue(text, [...path, index, 'beginAt'], value))}
          />
          <IntegerField
            label="Count"
            value={port.portNumber}
            min={0}
            disabled={disabled}
            onChange={(value) =>
              edit((text) => setValue(text, [...path, index, 'portNumber'], value))
            }
          />
          <IconButton
            iconProps={{ iconName: 'Delete' }}
            ariaLabel={`Remove port ${textOf(port.label) || index + 1} of ${roleName}`}
            disabled={disabled}
            onClick={() => edit((text) => removeValue(text, [...path, index]))}
          />
        </Stack>
      ))}
      <ActionButton iconProps={{ iconName: 'Add' }} disabled={disabled} onClick={addPort}>
        Add port to {roleName}
      </ActionButton>
    </Stack>
  );
}
