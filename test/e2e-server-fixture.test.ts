import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
      command: 'echo $$ > task.pid; exec sleep 300',
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

/** The pid the task wrote into its working directory. */
async function waitForTaskPid(dataDir: string): Promise<number> {
  return vi.waitFor(
    () => {
      const file = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).find((path) =>
        path.endsWith('task.pid'),
      );
      const text = file ? readFileSync(join(dataDir, file), 'utf8').trim() : '';
      if (!text) throw new Error('the task never wrote its pid');
      return Number(text);
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
