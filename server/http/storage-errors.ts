import { PaiError } from '../errors.ts';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const UNWRITABLE =
  /^(SQLITE_(READONLY|IOERR|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB|PERM)|EROFS|EACCES|EPERM)/;

/** The error's `code` (SQLite's or Node's), or '' when it has none. */
export const codeOf = (error: unknown): string =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : '';

/** True for errors of a full disk (SQLite's or the file system's). */
export const isDiskFull = (error: unknown): boolean => FULL.has(codeOf(error));

/**
 * The answer for an error of the data dir's storage: 507 when its disk is full, 503 when the
 * database cannot be read or written; null for any other error.
 */
export function storageError(error: unknown): PaiError | null {
  const code = codeOf(error);
  if (FULL.has(code)) {
    return new PaiError(
      507,
      'InsufficientStorageError',
      'The disk of the server data directory is full; nothing was saved. Ask an administrator to free space.',
    );
  }
  if (UNWRITABLE.test(code)) {
    return new PaiError(
      503,
      'ServiceUnavailableError',
      `The server cannot read or write its data directory right now (${code}); nothing was saved. Ask an administrator.`,
    );
  }
  return null;
}
