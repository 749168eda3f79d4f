import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  type FormattingOptions,
  type JSONPath,
} from 'jsonc-parser';

/**
 * Form edits are text edits: only the touched value changes, so keys the form does not know,
 * the key order and the person's formatting survive.
 */

/** Indentation and line ends as the text already uses them, so inserted JSON looks like its neighbours. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? Math.min(indent.length, 8) : 2, eol };
}

/** Sets the value at `path`, creating missing parents; `undefined` removes the property or item. */
export function setValue(text: string, path: JSONPath, value: unknown): string {
  const edits = modify(text, path, value, { formattingOptions: detectFormatting(text) });
  return applyEdits(text, edits);
}

export function removeValue(text: string, path: JSONPath): string {
  return setValue(text, path, undefined);
}

/** Appends `value` to the array at `arrayPath`, creating the array when it is missing. */
export function appendItem(text: string, arrayPath: JSONPath, value: unknown): string {
  const array = findNodeAtLocation(parseTree(text) ?? emptyRoot, arrayPath);
  if (array?.type !== 'array') return setValue(text, arrayPath, [value]);
  const edits = modify(text, [...arrayPath, -1], value, {
    formattingOptions: detectFormatting(text),
    isArrayInsertion: true,
  });
  return applyEdits(text, edits);
}

/** Renames a property in place (modify would remove and re-append it, changing the order). */
export function renameKey(
  text: string,
  objectPath: JSONPath,
  oldKey: string,
  newKey: string,
): string {
  if (oldKey === newKey) return text;
  const value = findNodeAtLocation(parseTree(text) ?? emptyRoot, [...objectPath, oldKey]);
  const keyNode = value?.parent?.children?.[0];
  if (!keyNode) return text;
  const quoted = JSON.stringify(newKey);
  return text.slice(0, keyNode.offset) + quoted + text.slice(keyNode.offset + keyNode.length);
}

const emptyRoot = parseTree('null')!;
