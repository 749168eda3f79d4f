import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { gpuMemoryByPid, gpuUtilizationByIndex, meanUtilization } from './nvidia-smi.ts';

describe('nvidia-smi queries', () => {
  const path = process.env.PATH;
  const dir = mkdtempSync(join(tmpdir(), 'pai-nvidia-smi-'));
  /** Puts a stand-in nvidia-smi running `body` (sh) first on the PATH. */
  const fake = (body: string) => {
    writeFileSync(join(dir, 'nvidia-smi'), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, 'nvidia-smi'), 0o755);
    process.env.PATH = `${dir}${delimiter}${path}`;
  };
  afterEach(() => {
    process.env.PATH = path;
    rmSync(join(dir, 'nvidia-smi'), { force: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives null where there is no nvidia-smi', async () => {
    process.env.PATH = dir;
    expect(await gpuUtilizationByIndex()).toBeNull();
    expect(await gpuMemoryByPid()).toBeNull();
  });

  it('reads utilisation per GPU index, leaving out GPUs that report no number', async () => {
    fake(`printf '0, 35\\n1, [N/A]\\n2, 100\\n'`);
    expect(await gpuUtilizationByIndex()).toEqual(
      new Map([
        [0, 35],
        [2, 100],
      ]),
    );
  });

  it('sums the GPU memory of a pid over the GPUs it uses', async () => {
    fake(`printf '41, 100\\n41, 50\\n42, 10\\n'`);
    expect(await gpuMemoryByPid()).toEqual(
      new Map([
        [41, 150 * 1024 * 1024],
        [42, 10 * 1024 * 1024],
      ]),
    );
  });

  it('gives null when nvidia-smi fails (no driver loaded)', async () => {
    fake(`echo 'NVIDIA-SMI has failed because it could not communicate with the driver.'; exit 9`);
    expect(await gpuUtilizationByIndex()).toBeNull();
  });

  it('gives null, and kills it, when nvidia-smi hangs past the timeout', async () => {
    fake('exec sleep 60');
    const started = Date.now();
    expect(await gpuUtilizationByIndex(300)).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("means the utilisation of a task's GPUs; null when none is reported", () => {
    const byIndex = new Map([
      [0, 10],
      [1, 25],
    ]);
    expect(meanUtilization(byIndex, [0, 1])).toBe(17.5);
    expect(meanUtilization(byIndex, [1, 3])).toBe(25);
    expect(meanUtilization(byIndex, [3])).toBeNull();
    expect(meanUtilization(byIndex, [])).toBeNull();
    expect(meanUtilization(null, [0])).toBeNull();
  });
});
