import { RESERVED_NAMES } from '../../contract/job-config-schema.ts';
import { joinPath } from '../../contract/validation-problem.ts';

/** Deeper bodies are refused: a job config nests 5 levels; 3,000 once took the server down. */
export const MAX_BODY_DEPTH = 32;

const reserved: ReadonlySet<string> = new Set(RESERVED_NAMES);

/**
 * What is wrong with a parsed JSON body as a whole, before any route reads it: nesting deeper than
 * MAX_BODY_DEPTH, a reserved key (`__proto__`, `constructor`, `prototype`) anywhere, or an
 * integer JavaScript cannot hold exactly. Null when none; else a message that names the field.
 */
export function bodyShapeProblem(body: unknown): string | null {
  // Iterative: a 1 MiB body can nest far deeper than the call stack.
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return `${path || 'body'} must be an integer between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return `${path || 'body'} nests deeper than ${MAX_BODY_DEPTH} levels`;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        pending.push({ value: item, path: joinPath(path, index), depth: depth + 1 }),
      );
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const itemPath = joinPath(path, key);
      if (reserved.has(key)) return `${itemPath}: the name ${key} is reserved`;
      pending.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return null;
}
