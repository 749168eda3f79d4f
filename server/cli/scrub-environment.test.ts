import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const asRoot = process.getuid?.() === 0;
const MODULE = fileURLToPath(new URL('./scrub-environment.ts', import.meta.url));
const SECRET = 'do-not-leak-0123456789';

/**
 * Starts a process with two secrets and a harmless variable in its environment, has it scrub the
 * secrets, and returns what it reported and its /proc/<pid>/environ as seen from outside.
 */
async function scrubbedChild(identity: { uid: number; gid: number } | object = {}) {
  const code = `import(${JSON.stringify(MODULE)}).then(({ scrubEnvironment }) => {
    const cleared = scrubEnvironment(['PAI_ADMIN_PASSWORD', 'PAI_JWT_SECRET']);
    console.log(JSON.stringify({ cleared, left: process.env.PAI_ADMIN_PASSWORD ?? null, kept: process.env.PAI_KEPT }));
    process.stdin.resume();
  })`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], {
    env: {
      PATH: process.env.PATH,
      PAI_ADMIN_PASSWORD: SECRET,
      PAI_KEPT: 'kept-value',
      PAI_JWT_SECRET: `jwt-${SECRET}`,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
    ...identity,
  });
  try {
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const environ = readFileSync(`/proc/${child.pid}/environ`, 'latin1');
    return { report: JSON.parse(line.toString()) as Record<string, unknown>, environ };
  } finally {
    child.kill();
  }
}

describe('scrubEnvironment', () => {
  it('clears secrets from process.env and from /proc/<pid>/environ, and nothing else', async () => {
    const { report, environ } = await scrubbedChild();
    expect(report).toEqual({ cleared: true, left: null, kept: 'kept-value' });
    expect(environ).toContain('PAI_KEPT=kept-value');
    expect(environ).not.toContain(SECRET);
    expect(environ).not.toMatch(/PAI_ADMIN_PASSWORD|PAI_JWT_SECRET/);
  });

  it.skipIf(!asRoot)('does so for a server not run as root', async () => {
    const { report, environ } = await scrubbedChild({ uid: 65534, gid: 65534 });
    expect(report.cleared).toBe(true);
    expect(environ).not.toContain(SECRET);
  });
});
