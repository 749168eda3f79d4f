import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
    await api.waitForState(token, username, 'lingers', ['RUNNING']);
    const pid = await waitForTaskPid(server.dataDir);
    expect(isAlive(pid)).toBe(true);

    await server.stop();
    server = undefined;
    await expect.poll(() => isAlive(pid), { timeout: 5_000 }).toBe(false);
  });
});

/** The pid the task wrote into its working directory. */
async function waitForTaskPid(dataDir: string): Promise<number> {
  for (let tries = 0; tries < 300; tries++) {
    const file = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).find((path) =>
      path.endsWith('task.pid'),
    );
    const text = file ? readFileSync(join(dataDir, file), 'utf8').trim() : '';
    if (text) return Number(text);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the task never wrote its pid');
}

/** Running, as opposed to ended (a zombie waiting to be reaped has ended too). */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
