import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Longest a query may take; a hung driver must not stall the sampler. */
export const NVIDIA_SMI_TIMEOUT_MS = 4000;

/** Where `nvidia-smi` is on the PATH (null: nowhere), looked up again when the PATH changes. */
let found: { path: string; command: string | null } | undefined;
function findNvidiaSmi(): string | null {
  const path = process.env.PATH ?? '';
  if (found?.path === path) return found.command;
  found = { path, command: null };
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, 'nvidia-smi');
    try {
      accessSync(candidate, constants.X_OK);
      found.command = candidate;
      break;
    } catch {
      // Not here.
    }
  }
  return found.command;
}

/**
 * The rows of one `nvidia-smi --query-…=… --format=csv,noheader,nounits` as numbers, or null
 * where there is no nvidia-smi or it failed, printed nothing usable or took longer than
 * `timeoutMs` (it is killed then).
 */
function query(field: string, timeoutMs: number): Promise<number[][] | null> {
  const command = findNvidiaSmi();
  if (!command) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      command,
      [field, '--format=csv,noheader,nounits'],
      { timeout: timeoutMs, maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (error) return resolve(null);
        const rows = stdout
          .split('\n')
          .map((line) => line.split(',').map((cell) => Number(cell.trim())))
          // "[N/A]", "[Not Supported]" and blank lines are not numbers.
          .filter((row) => row.length >= 2 && row.every(Number.isFinite));
        resolve(rows);
      },
    );
  });
}

/** GPU memory in bytes per pid from `nvidia-smi`, or null where there is no nvidia-smi. */
export async function gpuMemoryByPid(
  timeoutMs = NVIDIA_SMI_TIMEOUT_MS,
): Promise<Map<number, number> | null> {
  const rows = await query('--query-compute-apps=pid,used_memory', timeoutMs);
  if (!rows) return null;
  const byPid = new Map<number, number>();
  for (const [pid, mib] of rows)
    if (Number.isInteger(pid)) byPid.set(pid!, (byPid.get(pid!) ?? 0) + mib! * 1024 * 1024);
  return byPid;
}

/**
 * Utilisation in percent (0-100, the share of the last sample period a kernel ran) per GPU index,
 * or null where there is no nvidia-smi. A GPU that reports no number is left out.
 */
export async function gpuUtilizationByIndex(
  timeoutMs = NVIDIA_SMI_TIMEOUT_MS,
): Promise<Map<number, number> | null> {
  const rows = await query('--query-gpu=index,utilization.gpu', timeoutMs);
  if (!rows) return null;
  return new Map(
    rows.filter(([index]) => Number.isInteger(index)).map(([index, percent]) => [index!, percent!]),
  );
}

/** The mean utilisation of `indices`, or null when none of them is reported (or there are none). */
export function meanUtilization(
  byIndex: Map<number, number> | null,
  indices: number[],
): number | null {
  const values = indices.flatMap((index) => {
    const value = byIndex?.get(index);
    return value === undefined ? [] : [value];
  });
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}
