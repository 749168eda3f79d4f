import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaiApi } from '../testing/api.ts';
import { startServer, type RunningServer } from '../testing/server.ts';

describe('the e2e server fixture', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.stop());

  it('leaves no task process running once it stops', async () => {
    server = await startServer();
    const api = new PaiApi(server);
    const token = await api.admin();
    const username = server.adminUsername;
    await api.submitJob(token, username, {
      jobName: 'lingers',
      command: 'exec sleep 300',
    });
    await expect
      .poll(async () => (await api.findJob(token, username, 'lingers'))?.state, { timeout: 60_000 })
      .toBe('RUNNING');
    const pid = await waitForTaskPid(server.dataDir);
    expect(isAlive(pid)).toBe(true);

    await server.stop();
    server = undefined;
    await expect.poll(() => isAlive(pid), { timeout: 5_000 }).toBe(false);
  }, 90_000); // a server start and a job start: over 30 s on a loaded machine
});

/**
 * The task's pid as this machine sees it: a sandboxed task has its own PID namespace, so the pid
 * it could print itself means nothing here. Found by its command and a working directory under
 * the server's data dir.
 */
async function waitForTaskPid(dataDir: string): Promise<number> {
  return vi.waitFor(
    () => {
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const cwd = readlinkSync(`/proc/${entry}/cwd`);
          const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
          if (cwd.startsWith(`${dataDir}/`) && command[0] === 'sleep' && command[1] === '300')
            return Number(entry);
        } catch {
          // ended meanwhile, or not readable
        }
      }
      throw new Error('the task is not running');
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** Running, as opposed to ended (a zombie waiting to be reaped has ended too). */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
