import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { createRuntimeApp, oneTaskJob, processesOf, type RuntimeTestApp } from './test-kit.ts';
import { TaskSpawner } from './task-spawner.ts';

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
const parentOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};
const containerOf = (detail: JobDetail) => detail.taskRoles.main!.taskStatuses[0]!.containerId!;
const ended = (detail: JobDetail) => !['WAITING', 'RUNNING'].includes(detail.jobStatus.state);

describe('the task spawner', () => {
  let kit: RuntimeTestApp;
  beforeAll(async () => {
    kit = await createRuntimeApp();
  });
  afterAll(() => kit.close());

  /** The pid of the running job's task wrapper. */
  const wrapperOf = (detail: JobDetail) => {
    const pid = processesOf(containerOf(detail)).find((candidate) =>
      cmdline(candidate)[1]?.endsWith('task-wrapper.pl'),
    );
    expect(pid, 'the task wrapper').toBeDefined();
    return pid!;
  };

  it('starts the task wrappers, so the server process is never forked', async () => {
    const name = await kit.submit(oneTaskJob('exec sleep 60'));
    const spawner = parentOf(wrapperOf(await kit.waitForState(name, 'RUNNING')));
    expect(spawner).not.toBe(process.pid);
    expect(cmdline(spawner)[1]).toMatch(/task-spawner\.pl$/);
    // Nothing of the server's environment: each task brings its own.
    const environ = readFileSync(`/proc/${spawner}/environ`, 'utf8').split('\0').filter(Boolean);
    expect(environ.map((entry) => entry.split('=')[0])).toEqual(['PATH']);
    await kit.stop(name);
    await kit.waitForState(name, 'STOPPED');
  });

  it('a stop asked for while the tasks are being started stops them once they have started', async () => {
    // The stop is sent as soon as the wrapper's start is asked of the spawner, before it answers.
    const { spawner } = (kit.runtime as unknown as { driver: { ctx: { spawner: TaskSpawner } } })
      .driver.ctx;
    const spawn = spawner.spawn.bind(spawner);
    let stopping: Promise<void> | null = null;
    const config = oneTaskJob('exec sleep 60');
    spawner.spawn = (request) => {
      const started = spawn(request);
      stopping ??= kit.stop(config.jobName);
      return started;
    };
    try {
      await kit.submit(config);
      await vi.waitFor(() => expect(stopping).not.toBeNull());
      await stopping;
      const detail = await kit.waitFor(config.jobName, ended);
      expect(detail.jobStatus.state).toBe('STOPPED');
      // Its wrapper had been started: nothing of it is left.
      await expect.poll(() => processesOf(containerOf(detail))).toEqual([]);
    } finally {
      spawner.spawn = spawn;
    }
  });

  it('a spawner killed with SIGKILL: its tasks are still followed to their end, the next job starts', async () => {
    // `sleep` is killed below; the shell then ends the task with 3.
    const orphan = await kit.submit(oneTaskJob('sleep 600; exit 3'));
    const running = await kit.waitForState(orphan, 'RUNNING');
    const spawner = parentOf(wrapperOf(running));
    process.kill(spawner, 'SIGKILL');
    const next = await kit.submit(oneTaskJob('echo started again'));
    expect((await kit.waitFor(next, ended)).jobStatus.state).toBe('SUCCEEDED');
    expect(parentOf(wrapperOf(running))).not.toBe(spawner);

    const sleep = () =>
      processesOf(containerOf(running)).find((pid) => cmdline(pid)[0] === 'sleep');
    await expect.poll(sleep, { timeout: 10_000 }).toBeDefined();
    process.kill(sleep()!, 'SIGKILL');
    const detail = await kit.waitFor(orphan, ended);
    expect(detail.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 3 });
    expect(processesOf(containerOf(running))).toEqual([]);
  }, 60_000);
});

describe('TaskSpawner', () => {
  it('starts a program in a session of its own, with SIGTERM ignored and only its environment', async () => {
    const spawner = new TaskSpawner();
    try {
      const pid = await spawner.spawn({
        argv: ['sleep', '30'],
        cwd: '/tmp',
        env: { PATH: '/usr/bin:/bin', ONLY: 'this' },
      });
      if (pid instanceof Error) throw pid;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ignored = BigInt(`0x${/^SigIgn:\s*([0-9a-f]+)$/m.exec(status)![1]}`);
      expect(ignored & (1n << 14n), 'SIGTERM (15) ignored').not.toBe(0n);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      expect(Number(fields[3]), 'its own session').toBe(pid);
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
      expect(environ.sort()).toEqual(['ONLY=this', 'PATH=/usr/bin:/bin']);
      const exited = new Promise<void>((resolve) =>
        spawner.watch(pid, { exited: resolve, orphaned: resolve }),
      );
      process.kill(pid, 'SIGKILL');
      await exited;
    } finally {
      spawner.close();
    }
  });
});
