import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads the secret kept in `dataDir/name`, creating it (mode 0600) with `generate()` when it does
 * not exist yet. Creation is exclusive, so two processes starting at once agree on one value.
 */
export function readOrCreateSecret(dataDir: string, name: string, generate: () => string): string {
  const path = join(dataDir, name);
  try {
    writeFileSync(path, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}

/** Writes a secret file readable by its owner only, replacing any earlier one. */
export function writeSecret(dataDir: string, name: string, value: string): void {
  const path = join(dataDir, name);
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}
