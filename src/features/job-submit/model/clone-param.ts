/** `?clone=alice~train` (a namespaced job) or `?clone=train` (a legacy job). */
export function parseCloneParam(clone: string): { username: string; name: string; legacy?: true } {
  const separator = clone.indexOf('~');
  if (separator === -1) return { username: '', name: clone, legacy: true };
  return { username: clone.slice(0, separator), name: clone.slice(separator + 1) };
}
