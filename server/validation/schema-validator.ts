import { Ajv, type ErrorObject } from 'ajv';
import { describeSchemaError, type ValidationProblem } from '../../contract/validation-problem.ts';
import { badRequest } from '../errors.ts';
import { coerceIntegers } from './coerce-integers.ts';

const ajv = new Ajv({
  allErrors: true,
  useDefaults: true,
  verbose: true,
  strict: true,
  allowUnionTypes: true,
});

/** At most this many problems are listed in one error message. */
const MAX_PROBLEMS = 10;

type Schema = Record<string, unknown>;

/** Checks a value, after coercing integer strings and filling in defaults (both in place). */
export type SchemaCheck = (value: unknown) => { value: unknown; problems: ValidationProblem[] };

export function compileSchemaCheck(schema: Schema, rootName: string): SchemaCheck {
  const validate = ajv.compile(schema);
  return (input) => {
    const value = coerceIntegers(input, schema);
    if (validate(value)) return { value, problems: [] };
    return { value, problems: problemsOf(validate.errors ?? [], rootName) };
  };
}

function problemsOf(errors: ErrorObject[], rootName: string): ValidationProblem[] {
  const seen = new Set<string>();
  return (
    errors
      // Each failing key name also gets a summary error; the specific ones (above) say more.
      .filter((error) => error.keyword !== 'propertyNames')
      .map((error) => describeSchemaError(error, rootName))
      .filter((problem) => !seen.has(problem.message) && seen.add(problem.message))
  );
}

/**
 * 400 InvalidParametersError listing the problems, e.g. `taskRoles[0].memoryMB must be >= 100`,
 * in OpenPAI's one-sentence `message` and, as data, in `problems` (every one, with its path).
 */
export function invalidParameters(problems: ValidationProblem[]) {
  const shown = problems.slice(0, MAX_PROBLEMS).map((problem) => problem.message);
  if (problems.length > MAX_PROBLEMS) shown.push(`and ${problems.length - MAX_PROBLEMS} more`);
  return badRequest(shown.join('; '), problems);
}

/** A function that returns the checked value or throws 400 InvalidParametersError. */
export function compileValidator<T>(schema: Schema, rootName: string): (value: unknown) => T {
  const check = compileSchemaCheck(schema, rootName);
  return (input) => {
    const { value, problems } = check(input);
    if (problems.length > 0) throw invalidParameters(problems);
    return value as T;
  };
}
