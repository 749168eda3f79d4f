/** Loose readers for a config that may be half-written: the form shows what is there. */
export type Fields = Record<string, unknown>;

export const asFields = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};

export const asItems = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** What a text field shows for a JSON value: strings as they are, other values as JSON. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `base`, else `base2`, `base3`… — the first that is not in `taken`. */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let index = 2; ; index++) if (!taken.includes(`${base}${index}`)) return `${base}${index}`;
}

/**
 * An environment value typed in the form. A value that was a number, boolean or null in the JSON
 * stays one while the input still reads as one (`"batch_size": 32` does not become `"32"`).
 */
export function envValueFromInput(previous: unknown, input: string): unknown {
  if (typeof previous === 'string' || previous === undefined) return input;
  try {
    const parsed: unknown = JSON.parse(input);
    if (typeof parsed === 'number' || typeof parsed === 'boolean' || parsed === null) return parsed;
  } catch {
    // not a JSON literal: keep it as text
  }
  return input;
}

/** A whole number as typed, or null when the input is not one. */
export function parseInteger(input: string): number | null {
  const trimmed = input.trim();
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : null;
}
