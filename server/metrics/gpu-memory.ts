import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** True when `nvidia-smi` is on the PATH; checked once. */
let nvidiaSmi: string | null | undefined;
function findNvidiaSmi(): string | null {
  if (nvidiaSmi !== undefined) return nvidiaSmi;
  nvidiaSmi = null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'nvidia-smi');
    try {
      accessSync(candidate, constants.X_OK);
      nvidiaSmi = candidate;
      break;
    } catch {
      // Not here.
    }
  }
  return nvidiaSmi;
}

/** GPU memory in bytes per pid from `nvidia-smi`, or null where there is no nvidia-smi. */
export function gpuMemoryByPid(): Promise<Map<number, number> | null> {
  const command = findNvidiaSmi();
  if (!command) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      command,
      ['--query-compute-apps=pid,used_memory', '--format=csv,noheader,nounits'],
      { timeout: 4000 },
      (error, stdout) => {
        if (error) return resolve(null);
        const byPid = new Map<number, number>();
        for (const line of stdout.split('\n')) {
          const [pid, mib] = line.split(',').map((field) => Number(field.trim()));
          if (Number.isInteger(pid) && Number.isFinite(mib))
            byPid.set(pid!, (byPid.get(pid!) ?? 0) + mib! * 1024 * 1024);
        }
        resolve(byPid);
      },
    );
  });
}
