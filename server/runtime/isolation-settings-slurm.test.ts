import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedStart } from '../../testing/failed-start.ts';
import { openDatabase } from '../store/db.ts';
import { isolationWarnings, SLURM_UNISOLATED } from './isolation.ts';
import { SlurmRuntime } from './slurm/slurm-runtime.ts';

// PAI_TASK_ISOLATION with PAI_RUNTIME=slurm (README "Slurm runtime"): no cluster needed.

describe('PAI_TASK_ISOLATION on the Slurm runtime', () => {
  it(
    'required: refuses to start with one line, before it asks Slurm anything',
    { timeout: 120_000 },
    async () => {
      // No Slurm at all: the refusal must come first.
      const failure = await failedStart({
        PAI_RUNTIME: 'slurm',
        PAI_TASK_ISOLATION: 'required',
        SLURM_CONF: '/nonexistent/slurm.conf',
        PATH: '/nonexistent',
      });
      expect(failure, 'the server started').not.toBeNull();
      expect(failure!.code).toBe(1);
      expect(failure!.stderr.trim().split('\n')).toEqual([
        `Invalid configuration: PAI_TASK_ISOLATION: is "required" but ${SLURM_UNISOLATED}; use PAI_RUNTIME=local for isolated tasks.`,
      ]);
    },
  );

  it('auto and none: mode none, with the reason in the cluster info and at start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pai-slurm-isolation-'));
    const db = openDatabase(dataDir);
    try {
      for (const setting of ['auto', 'none'] as const) {
        const runtime = new SlurmRuntime({
          config: { host: '127.0.0.1', dataDir },
          db,
          partitions: { default: 'batch' },
          nodeAddrs: {},
          options: { isolation: setting },
        });
        const info = runtime.isolation();
        expect(info).toMatchObject({ setting, mode: 'none', unenforcedLimits: [] });
        expect(info.problem).toMatch(/^Slurm tasks run as the Slurm service account, unisolated/);
        expect(isolationWarnings(info)).toEqual([`WARNING: ${info.problem}.`]);
      }
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
