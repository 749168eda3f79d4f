import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  localClusterUnavailable,
  startLocalCluster,
  stopLocalCluster,
} from '../server/runtime/slurm/local-cluster.ts';

export interface TestSlurmCluster {
  dir: string;
  conf: string;
  stop(): void;
}

/** Why the Slurm tests are skipped here, or null when they run. */
export const slurmSkipReason = (): string | null => localClusterUnavailable();

/**
 * A local Slurm cluster of its own for one test file: a temp PAI_SLURM_DIR and ports picked from
 * the pid, so it cannot collide with `npm run slurm -- start` or another test run.
 */
export async function startTestSlurmCluster(): Promise<TestSlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pai-slurm-'));
  const basePort = 21000 + (process.pid % 2000) * 4;
  const conf = await startLocalCluster({ dir, basePort });
  process.env.SLURM_CONF = conf;
  return {
    dir,
    conf,
    stop() {
      stopLocalCluster(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
