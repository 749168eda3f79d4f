import { NAME_MAX_LENGTH, RESERVED_NAMES } from '../../contract/job-config-schema.ts';

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

const PATTERN = new RegExp(USER_NAME_SCHEMA.pattern);

/** Whether `name` meets USER_NAME_SCHEMA. */
export const isUserName = (name: string): boolean =>
  PATTERN.test(name) &&
  name.length <= NAME_MAX_LENGTH.userName &&
  !(USER_NAME_SCHEMA.not.enum as readonly string[]).includes(name);

/** The rules in words, for messages. */
export const USER_NAME_RULES = `letters, digits, "_", "." and "-"; at most ${NAME_MAX_LENGTH.userName} characters; not ".", "..", ${RESERVED_NAMES.join(', ')}`;
