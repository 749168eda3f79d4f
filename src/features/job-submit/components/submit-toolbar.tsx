import { DefaultButton, PrimaryButton, Stack, type IContextualMenuItem } from '@fluentui/react';
import { useRef } from 'react';
import { JOB_TEMPLATES, type JobTemplate, type TemplateTarget } from '../model/templates.ts';

interface SubmitToolbarProps {
  submitting: boolean;
  /** The virtual cluster templates are sized to; one that cannot fit it is disabled, with why. */
  templateTarget: TemplateTarget;
  onTemplate: (template: JobTemplate) => void;
  onImport: (file: File) => void;
  onExport: () => void;
  onSubmit: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const SUBMIT_SHORTCUT = isMac ? '⌘+Enter' : 'Ctrl+Enter';

/** Start from a template, import or export a file, submit. */
export function SubmitToolbar({
  submitting,
  templateTarget,
  onTemplate,
  onImport,
  onExport,
  onSubmit,
}: SubmitToolbarProps) {
  const filePicker = useRef<HTMLInputElement>(null);
  const templateItems: IContextualMenuItem[] = JOB_TEMPLATES.map((template) => {
    const unfit = template.unfit(templateTarget);
    const about = unfit ?? `${template.description} Sized for ${templateTarget.virtualCluster}.`;
    return {
      key: template.id,
      text: template.title,
      secondaryText: about,
      ariaDescription: about,
      disabled: unfit !== null,
      onClick: () => onTemplate(template),
    };
  });
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
      <DefaultButton
        text="Templates"
        iconProps={{ iconName: 'Page' }}
        menuProps={{ items: templateItems }}
      />
      <DefaultButton
        text="Import"
        iconProps={{ iconName: 'Upload' }}
        onClick={() => filePicker.current?.click()}
      />
      <input
        ref={filePicker}
        type="file"
        accept=".json,application/json"
        aria-label="Import a job config file"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onImport(file);
          event.target.value = ''; // the same file can be imported again
        }}
      />
      <DefaultButton text="Export" iconProps={{ iconName: 'Download' }} onClick={onExport} />
      <PrimaryButton
        text={submitting ? 'Submitting…' : 'Submit'}
        iconProps={{ iconName: 'Send' }}
        disabled={submitting}
        onClick={onSubmit}
        title={`Submit (${SUBMIT_SHORTCUT})`}
        ariaDescription={`Shortcut: ${SUBMIT_SHORTCUT}`}
      />
    </Stack>
  );
}
