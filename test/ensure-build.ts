import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'contract', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the portal into `dist` unless its manifest is newer than every input of the build. */
export function ensureBuild(root: string): string {
  const distDir = join(root, 'dist');
  const manifest = join(distDir, '.vite', 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const changedAt = Math.max(...INPUTS.map((input) => newestChange(join(root, input))));
  if (builtAt <= changedAt) {
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production' }, // Vitest sets NODE_ENV=test, which would build React's dev mode
      },
    );
    if (result.status !== 0)
      throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return distDir;
}
