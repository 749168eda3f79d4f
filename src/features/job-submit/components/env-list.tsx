import { ActionButton, IconButton, Stack, TextField } from '@fluentui/react';
import { useState } from 'react';
import { removeValue, renameKey, setValue } from '../config-text/edit-config.ts';
import { asFields, envValueFromInput, textOf, uniqueName } from '../model/config-view.ts';
import type { EditText } from './form-types.ts';

const ENV_NAME = /^\w+$/;

interface EnvListProps {
  jobEnvs: unknown;
  edit: EditText;
  disabled: boolean;
}

/** `jobEnvs`: names are renamed in place, so the variables keep their order in the text. */
export function EnvList({ jobEnvs, edit, disabled }: EnvListProps) {
  const entries = Object.entries(asFields(jobEnvs));
  const names = entries.map(([name]) => name);
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {entries.map(([name, value], index) => (
        // Rows are keyed by position: a rename must not remount the field being typed in.
        <Stack key={index} horizontal verticalAlign="start" tokens={{ childrenGap: 8 }}>
          <EnvNameField
            name={name}
            otherNames={names.filter((other) => other !== name)}
            edit={edit}
            disabled={disabled}
          />
          <TextField
            label="Value"
            value={textOf(value)}
            disabled={disabled}
            styles={{ root: { flexGrow: 1 } }}
            onChange={(_, input = '') =>
              edit((text) => setValue(text, ['jobEnvs', name], envValueFromInput(value, input)))
            }
          />
          <IconButton
            iconProps={{ iconName: 'Delete' }}
            ariaLabel={`Remove environment variable ${name}`}
            disabled={disabled}
            styles={{ root: { marginTop: 29 } }}
            onClick={() => edit((text) => removeValue(text, ['jobEnvs', name]))}
          />
        </Stack>
      ))}
      <ActionButton
        iconProps={{ iconName: 'Add' }}
        disabled={disabled}
        onClick={() => edit((text) => setValue(text, ['jobEnvs', uniqueName('NAME', names)], ''))}
      >
        Add environment variable
      </ActionButton>
    </Stack>
  );
}

interface EnvNameFieldProps {
  name: string;
  otherNames: string[];
  edit: EditText;
  disabled: boolean;
}

/** A name that is empty, invalid or taken stays in the field only; the JSON keeps the last good name. */
function EnvNameField({ name, otherNames, edit, disabled }: EnvNameFieldProps) {
  const [input, setInput] = useState(name);
  const [shownName, setShownName] = useState(name);
  if (name !== shownName) {
    setShownName(name);
    setInput(name);
  }
  const error = !ENV_NAME.test(input)
    ? 'Letters, digits and _ only'
    : input !== name && otherNames.includes(input)
      ? `${input} is already set`
      : undefined;
  return (
    <TextField
      label="Name"
      value={input}
      disabled={disabled}
      errorMessage={error}
      styles={{ root: { width: 180 }, field: { fontFamily: 'monospace' } }}
      onChange={(_, next = '') => {
        setInput(next);
        if (ENV_NAME.test(next) && !otherNames.includes(next)) {
          setShownName(next);
          edit((text) => renameKey(text, ['jobEnvs'], name, next));
        }
      }}
    />
  );
}
