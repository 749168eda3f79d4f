/**
 * What is wrong with a request body, at which place: `path` is a JavaScript-style path such as
 * `taskRoles[0].memoryMB` ('' for the whole body) and `message` a sentence that starts with it.
 */
export interface ValidationProblem {
  path: string;
  message: string;
}

/** A job config that breaks a rule; the portal marks `problems[i].path` in its editor. */
export class JobConfigError extends Error {
  constructor(readonly problems: ValidationProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
    this.name = 'JobConfigError';
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Appends a property name or array index to a path: `taskRoles` + 0 → `taskRoles[0]`. */
export function joinPath(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  if (IDENTIFIER.test(segment)) return path ? `${path}.${segment}` : segment;
  return `${path}[${JSON.stringify(segment)}]`;
}

/** JSON Pointer (`/taskRoles/0/memoryMB`) → path (`taskRoles[0].memoryMB`). */
export function pathFromPointer(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>(
      (path, token) => joinPath(path, /^(0|[1-9]\d*)$/.test(token) ? Number(token) : token),
      '',
    );
}

/** Path → segments, e.g. for jsonc-parser's `findNodeAtLocation`: `a[0]["b c"]` → ['a', 0, 'b c']. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]!) as string);
  }
  return segments;
}

/** The parts of an Ajv (JSON Schema validator) error this module reads. */
export interface SchemaErrorLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The schema that holds the failing keyword (Ajv's `verbose` option). */
  parentSchema?: Record<string, unknown>;
  /** Set when the rule failed for a key's name (`propertyNames`), not for its value. */
  propertyName?: string;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function typeRule(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')) as string[];
  return `must be ${types.map((name) => TYPE_NAMES[name] ?? name).join(' or ')}`;
}

function rule(error: SchemaErrorLike): string {
  const { params } = error;
  switch (error.keyword) {
    case 'type':
      return typeRule(params.type);
    case 'minimum':
      return `must be >= ${String(params.limit)}`;
    case 'maximum':
      return `must be <= ${String(params.limit)}`;
    case 'minLength':
      return params.limit === 1
        ? 'must not be empty'
        : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minItems':
      return `must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'pattern':
      return `must match ${String(params.pattern)}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'not': {
      const forbidden = (error.parentSchema?.not as { enum?: unknown[] } | undefined)?.enum;
      return forbidden
        ? `must not be ${forbidden.map((value) => JSON.stringify(value)).join(' or ')}`
        : 'is not allowed';
    }
    default:
      return error.message ?? `breaks the rule "${error.keyword}"`;
  }
}

/** One JSON Schema error as a problem whose message names the path and the rule. */
export function describeSchemaError(error: SchemaErrorLike, rootName: string): ValidationProblem {
  const base = pathFromPointer(error.instancePath);
  if (error.propertyName !== undefined) {
    const path = joinPath(base, error.propertyName);
    return { path, message: `${path}: the name ${rule(error)}` };
  }
  if (error.keyword === 'required') {
    const path = joinPath(base, String(error.params.missingProperty));
    return { path, message: `${path} is required` };
  }
  if (error.keyword === 'additionalProperties') {
    const path = joinPath(base, String(error.params.additionalProperty));
    const keyPatterns = Object.keys(
      (error.parentSchema?.patternProperties as object | undefined) ?? {},
    );
    const why = keyPatterns.length
      ? `: keys must match ${keyPatterns.join(' or ')}`
      : ' (unknown field)';
    return { path, message: `${path} is not allowed${why}` };
  }
  return { path: base, message: `${base || rootName} ${rule(error)}` };
}
