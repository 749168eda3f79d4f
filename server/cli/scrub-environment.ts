import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

/** Fields 50 and 51 of /proc/<pid>/stat: where the process's initial environment lies. */
function environmentBounds(stat: string): { start: number; end: number } | null {
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = Number(fields[50 - 3]);
  const end = Number(fields[51 - 3]);
  return start > 0 && end > start ? { start, end } : null;
}

/**
 * Removes `names` from this process's environment: from `process.env`, and from the initial
 * environment the kernel shows in `/proc/<pid>/environ` (which `unsetenv` leaves in place, as
 * readable by root and by the server's own user as ever). Those bytes are overwritten with NULs
 * through `/proc/self/mem`. False when they could not be (not Linux, or no access to it).
 */
export function scrubEnvironment(names: string[]): boolean {
  for (const name of names) delete process.env[name];
  let mem: number | null = null;
  try {
    const bounds = environmentBounds(readFileSync('/proc/self/stat', 'utf8'));
    if (!bounds) return false;
    mem = openSync('/proc/self/mem', 'r+');
    const initial = Buffer.alloc(bounds.end - bounds.start);
    readSync(mem, initial, 0, initial.length, bounds.start);
    let offset = 0;
    for (const entry of initial.toString('latin1').split('\0')) {
      if (names.includes(entry.slice(0, entry.indexOf('='))))
        writeSync(mem, Buffer.alloc(entry.length), 0, entry.length, bounds.start + offset);
      offset += entry.length + 1;
    }
    return true;
  } catch {
    return false;
  } finally {
    if (mem !== null) closeSync(mem);
  }
}
