import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A task command whose process the stand-in lists with 300 MiB of GPU memory (it renames itself). */
export const GPU_USER_COMMAND = `perl -e '$0 = "gpu-burner"; sleep 600'`;

/**
 * Writes a stand-in `nvidia-smi` into `dir`, answering the sampler's two queries as the real one
 * does: GPU i at `utilization[i]` %, and 300 MiB of GPU memory for each process called gpu-burner.
 */
export function writeStandInNvidiaSmi(dir: string, utilization: number[]): void {
  const gpus = utilization.map((percent, index) => `echo "${index}, ${percent}"`).join('; ');
  const file = join(dir, 'nvidia-smi');
  writeFileSync(
    file,
    `#!/bin/sh
case "$*" in
  *--query-gpu=index,utilization.gpu*) ${gpus} ;;
  *--query-compute-apps=pid,used_memory*)
    # One grep over every process (a shell loop took seconds on a busy machine).
    grep -lx gpu-burner /proc/[0-9]*/comm 2>/dev/null | sed -E 's#^/proc/([0-9]+)/comm$#\\1, 300#' ;;
  *) exit 2 ;;
esac
exit 0
`,
  );
  chmodSync(file, 0o755);
}
