import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `serve` with `env` and returns how it failed to start (null when it started). */
export async function failedStart(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pai-refused-'));
  try {
    const run = promisify(execFile);
    return await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PAI_HOST: '127.0.0.1',
        PAI_PORT: '0',
        PAI_DATA_DIR: dataDir,
        PAI_LOG_LEVEL: 'silent',
        PAI_ADMIN_PASSWORD: 'admin-password',
        ...env,
      },
      timeout: 60_000,
    }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
