import { checkJobConfigRules } from '../../contract/job-config-rules.ts';
import { jobConfigSchema, type JobConfig } from '../../contract/job-config-schema.ts';
import { compileSchemaCheck, invalidParameters } from '../validation/schema-validator.ts';

const checkSchema = compileSchemaCheck(jobConfigSchema, 'job config');

/**
 * Validates a submitted job config against the contract's JSON Schema and its extra rules, and
 * returns it with defaults filled in; throws 400 InvalidParametersError naming every problem.
 */
export function validateJobConfig(submitted: unknown): JobConfig {
  const { value, problems } = checkSchema(structuredClone(submitted));
  const allProblems = [...problems, ...checkJobConfigRules(value)];
  if (allProblems.length > 0) throw invalidParameters(allProblems);
  return value as JobConfig;
}
