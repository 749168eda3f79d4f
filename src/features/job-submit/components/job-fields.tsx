import { Dropdown, Stack, TextField, type IDropdown, type IDropdownOption } from '@fluentui/react';
import type { RefObject } from 'react';
import { setValue } from '../config-text/edit-config.ts';
import { textOf, type Fields } from '../model/config-view.ts';
import { fieldHelp } from '../model/field-help.ts';
import { IntegerField } from './integer-field.tsx';
import type { EditText } from './form-types.ts';

interface JobFieldsProps {
  config: Fields;
  edit: EditText;
  disabled: boolean;
  virtualClusters: string[] | undefined;
  virtualClusterError?: string;
  virtualClusterRef: RefObject<IDropdown | null>;
}

/** Job name, image, virtual cluster and retries: each edit changes only its own value in the text. */
export function JobFields({
  config,
  edit,
  disabled,
  virtualClusters,
  virtualClusterError,
  virtualClusterRef,
}: JobFieldsProps) {
  const current = textOf(config.virtualCluster);
  const options: IDropdownOption[] = (virtualClusters ?? []).map((name) => ({
    key: name,
    text: name,
  }));
  if (current && !options.some((option) => option.key === current)) {
    options.unshift({ key: current, text: `${current} (not available to you)` });
  }
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <TextField
        label="Job name"
        required
        value={textOf(config.jobName)}
        disabled={disabled}
        description={fieldHelp.job('jobName')}
        onChange={(_, value = '') => edit((text) => setValue(text, ['jobName'], value))}
      />
      <TextField
        label="Image"
        required
        value={textOf(config.image)}
        disabled={disabled}
        description={fieldHelp.job('image')}
        onChange={(_, value = '') => edit((text) => setValue(text, ['image'], value))}
      />
      <Dropdown
        componentRef={virtualClusterRef}
        label="Virtual cluster"
        selectedKey={current || null}
        placeholder={virtualClusters ? 'default' : 'Loading virtual clusters…'}
        options={options}
        disabled={disabled}
        errorMessage={virtualClusterError}
        onChange={(_, option) =>
          option && edit((text) => setValue(text, ['virtualCluster'], String(option.key)))
        }
      />
      <IntegerField
        label="Retry count"
        value={config.retryCount}
        min={-2}
        disabled={disabled}
        placeholder="0"
        description={fieldHelp.job('retryCount')}
        onChange={(value) => edit((text) => setValue(text, ['retryCount'], value))}
      />
    </Stack>
  );
}
