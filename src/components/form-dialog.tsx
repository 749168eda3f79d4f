import {
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  PrimaryButton,
  Stack,
} from '@fluentui/react';
import { useId, type ReactNode } from 'react';
import { ErrorBar } from './error-bar.tsx';

interface FormDialogProps {
  title: string;
  minWidth: number;
  submitLabel: string;
  /** The form is complete and valid: Submit (and Enter in a field) may send it. */
  ready?: boolean;
  /** A request is under way: Submit is disabled, so nothing is sent twice. */
  busy: boolean;
  /** The last request's failure, shown under the fields as "`errorTitle`: message". */
  error: unknown;
  errorTitle: string;
  onSubmit: () => void;
  onClose: () => void;
  /** What to show once it has worked, closed with Done instead of the form. */
  result?: { title: string; content: ReactNode } | null;
  children: ReactNode;
}

/**
 * A blocking dialog around a form: Submit and Cancel, the server's refusal under the fields, and
 * optionally a result (a password shown once) in place of the form when it has worked.
 */
export function FormDialog({
  title,
  minWidth,
  submitLabel,
  ready = true,
  busy,
  error,
  errorTitle,
  onSubmit,
  onClose,
  result,
  children,
}: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{ type: DialogType.normal, title: result ? result.title : title }}
      modalProps={{ isBlocking: true }}
      minWidth={minWidth}
    >
      {result ? (
        result.content
      ) : (
        <form
          id={formId}
          onSubmit={(event) => {
            event.preventDefault();
            if (ready && !busy) onSubmit();
          }}
        >
          <Stack tokens={{ childrenGap: 12 }}>
            {children}
            {error ? <ErrorBar error={error} title={errorTitle} /> : null}
          </Stack>
        </form>
      )}
      <DialogFooter>
        {result ? (
          <PrimaryButton onClick={onClose} text="Done" />
        ) : (
          <>
            <PrimaryButton
              type="submit"
              form={formId}
              disabled={!ready || busy}
              text={submitLabel}
            />
            <DefaultButton onClick={onClose} text="Cancel" />
          </>
        )}
      </DialogFooter>
    </Dialog>
  );
}
