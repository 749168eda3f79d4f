import { TextField } from '@fluentui/react';
import { useState } from 'react';
import { parseInteger, textOf } from '../model/config-view.ts';

interface IntegerFieldProps {
  label: string;
  /** The value in the JSON (may be missing or of the wrong type while the person edits). */
  value: unknown;
  onChange: (value: number) => void;
  min?: number;
  disabled?: boolean;
  description?: string;
  placeholder?: string;
}

/**
 * A whole-number field. Input that is not (yet) a whole number stays in the field and leaves the
 * JSON alone, so clearing a field to retype it never removes or moves the key.
 */
export function IntegerField({
  label,
  value,
  onChange,
  min,
  disabled,
  description,
  placeholder,
}: IntegerFieldProps) {
  const [input, setInput] = useState(() => textOf(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    // The JSON changed elsewhere (the editor, a template): show it unless the input already means it.
    setShownValue(value);
    if (parseInteger(input) !== value) setInput(textOf(value));
  }
  const parsed = parseInteger(input);
  const error =
    input.trim() === ''
      ? value === undefined
        ? undefined
        : 'Enter a whole number'
      : parsed === null
        ? 'Enter a whole number'
        : min !== undefined && parsed < min
          ? `Must be at least ${min}`
          : undefined;
  return (
    <TextField
      label={label}
      value={input}
      inputMode="numeric"
      disabled={disabled}
      description={error ? undefined : description}
      placeholder={placeholder}
      errorMessage={error}
      onChange={(_, next = '') => {
        setInput(next);
        const number = parseInteger(next);
        if (number !== null && number !== value) onChange(number);
      }}
    />
  );
}
