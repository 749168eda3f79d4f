import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Mounting needs root; tests that need a small or read-only disk skip without it. */
export const CAN_MOUNT = process.getuid?.() === 0;

/** A size-limited tmpfs of its own: a disk that can be filled or made read-only. */
export class Tmpfs {
  readonly dir = mkdtempSync(join(tmpdir(), 'pai-tmpfs-'));

  constructor(sizeBytes: number) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', this.dir]);
  }

  /** Writes zeros until the disk is full (dd stops at ENOSPC), then fills what is left. */
  fill(): void {
    for (const [name, blockSize] of [
      ['filler', '64k'],
      ['filler-small', '512'],
    ] as const) {
      spawnSync('dd', ['if=/dev/zero', `of=${join(this.dir, name)}`, `bs=${blockSize}`], {
        stdio: 'ignore',
      });
    }
  }

  free(): void {
    rmSync(join(this.dir, 'filler'), { force: true });
    rmSync(join(this.dir, 'filler-small'), { force: true });
  }

  readOnly(): void {
    execFileSync('mount', ['-o', 'remount,ro', this.dir]);
  }

  unmount(): void {
    execFileSync('umount', ['-l', this.dir]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
