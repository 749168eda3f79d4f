/** One replacement that turns `before` into `after`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/**
 * The smallest single edit between two texts (common prefix and suffix kept), so an outside change
 * applied to the editor keeps the cursor, the scroll position and the undo history.
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const maxSuffix = maxPrefix - prefix;
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a surrogate pair.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    offset: prefix,
    length: before.length - prefix - suffix,
    text: after.slice(prefix, after.length - suffix),
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
}
