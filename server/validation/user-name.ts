import { NAME_MAX_LENGTH, RESERVED_NAMES } from '../../contract/job-config-schema.ts';
import { compileSchemaCheck } from './schema-validator.ts';

/**
 * A user name, wherever one arrives (POST /api/v2/user, sign-in through the identity provider,
 * `jobs import`): letters, digits, `_`, `.` and `-`, at most 64 characters, and neither `.`,
 * `..` nor a reserved key; user names become paths and object keys.
 */
export const USER_NAME_SCHEMA = {
  type: 'string',
  pattern: '^[\\w.-]+$',
  maxLength: NAME_MAX_LENGTH.userName,
  not: { enum: ['.', '..', ...RESERVED_NAMES] },
} as const;

const checkUserName = compileSchemaCheck(USER_NAME_SCHEMA, 'username');

/** Whether `name` meets USER_NAME_SCHEMA (checked by the schema itself). */
export const isUserName = (name: string): boolean => checkUserName(name).problems.length === 0;

/** The rules in words, for messages. */
export const USER_NAME_RULES = `letters, digits, "_", "." and "-"; at most ${NAME_MAX_LENGTH.userName} characters; not ".", "..", ${RESERVED_NAMES.join(', ')}`;
