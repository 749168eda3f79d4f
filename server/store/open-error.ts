import { statfsSync } from 'node:fs';
import { StartupError } from '../config-error.ts';
import { codeOf, isDiskFull } from '../http/storage-errors.ts';

function diskIsFull(dir: string): boolean {
  try {
    const stats = statfsSync(dir);
    return stats.bavail === 0 || stats.ffree === 0;
  } catch {
    return false;
  }
}

/**
 * One line for an error of the data dir at start, naming the file and what to do; errors that
 * are not about storage are returned as they are.
 */
export function storageStartupError(what: string, path: string, dir: string, error: unknown) {
  const code = codeOf(error);
  // SQLite's codes and the file system's errnos; others (ERR_…) are not about the disk.
  if (!/^(SQLITE_|E[A-Z]+$)/.test(code)) return error;
  let reason: string;
  // A full disk shows as SQLITE_IOERR_SHMSIZE too: WAL mode cannot create its shared memory file.
  if (isDiskFull(error) || diskIsFull(dir)) {
    reason = `the disk of ${dir} is full; free space there and start again`;
  } else if (/READONLY|EROFS/.test(code)) {
    reason = 'it is read-only; make it and its directory writable for the user the server runs as';
  } else if (/CANTOPEN|EACCES|EPERM|_PERM|_AUTH/.test(code)) {
    reason =
      'it cannot be opened; check that the user the server runs as may read and write it and its directory';
  } else if (/NOTADB|CORRUPT/.test(code)) {
    reason = 'it is not an SQLite database or it is damaged; restore it from a backup';
  } else {
    reason = (error as Error).message.split('\n', 1)[0]!;
  }
  return new StartupError(`Cannot ${what} ${path}: ${reason} (${code}).`);
}
