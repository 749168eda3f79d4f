import { chownSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { TaskCgroup } from './cgroups.ts';
import { sandboxArgv, type SandboxPlan } from './sandbox.ts';
import { parseExitRecord, type ExitRecord } from './task-end.ts';
import type { TaskSpawner } from './task-spawner.ts';

const WRAPPER = fileURLToPath(new URL('./task-wrapper.pl', import.meta.url));

export interface TaskLaunch {
  taskDir: string;
  workDir: string;
  command: string;
  env: Record<string, string>;
  logMaxBytes: number;
  /** Null: the command runs unisolated, as the server's user. */
  sandbox: SandboxPlan | null;
  cgroup: TaskCgroup | null;
  /** How often to look for its end if the spawner that started it dies. */
  pollMs: number;
}

/**
 * One task's wrapper process, the leader of its own process group, and the task's cgroup. Either
 * started by the task spawner, which reports its end, or adopted after a restart (or orphaned by
 * a spawner that died) and watched by polling.
 */
export class TaskProcess {
  private running = true;
  private poll: NodeJS.Timeout | undefined;
  private onExit: (() => void) | null = null;

  private constructor(
    readonly pid: number,
    readonly taskDir: string,
    readonly cgroup: TaskCgroup | null,
  ) {}

  /** Starts the wrapper, or returns the reason it could not be started. */
  static async spawn(launch: TaskLaunch, spawner: TaskSpawner): Promise<TaskProcess | Error> {
    mkdirSync(launch.workDir, { recursive: true });
    const identity = launch.sandbox?.identity;
    if (launch.sandbox) mkdirSync(launch.sandbox.userFilesDir, { recursive: true, mode: 0o700 });
    if (identity) {
      chownSync(launch.workDir, identity.uid, identity.gid);
      chownSync(launch.sandbox!.userFilesDir, identity.uid, identity.gid);
    }
    // A record left by an earlier launch of this attempt must not be taken for this one's.
    rmSync(join(launch.taskDir, 'exit-status'), { force: true });
    const command = ['bash', '-c', launch.command];
    const argv = launch.sandbox ? sandboxArgv(launch.sandbox, command) : command;
    const mode = launch.sandbox ? 'sandbox' : 'plain';
    const procs = launch.cgroup?.procsFiles().join(':') ?? '';
    const pid = await spawner.spawn({
      argv: ['perl', WRAPPER, launch.taskDir, String(launch.logMaxBytes), mode, procs, ...argv],
      cwd: launch.workDir,
      env: launch.env,
    });
    if (pid instanceof Error) return pid;
    const task = new TaskProcess(pid, launch.taskDir, launch.cgroup);
    spawner.watch(pid, {
      exited: () => task.ended(),
      orphaned: () => task.watchByPolling(launch.pollMs),
    });
    return task;
  }

  /** Watches a wrapper started by an earlier server process. */
  static adopt(
    pid: number,
    taskDir: string,
    cgroup: TaskCgroup | null,
    pollMs: number,
    onExit: () => void,
  ): TaskProcess {
    const task = new TaskProcess(pid, taskDir, cgroup);
    task.watch(onExit);
    task.watchByPolling(pollMs);
    return task;
  }

  /** Calls `onExit` once the wrapper has ended; soon, when it already has. */
  watch(onExit: () => void): void {
    this.onExit = onExit;
    if (!this.running) setImmediate(onExit);
  }

  private ended(): void {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.poll);
    this.onExit?.();
  }

  private watchByPolling(pollMs: number): void {
    clearInterval(this.poll);
    this.poll = setInterval(() => {
      if (readExitRecord(this.taskDir) === null && isTaskWrapper(this.pid, this.taskDir)) return;
      this.ended();
    }, pollMs);
    this.poll.unref();
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Signals the whole process group; after the wrapper exited, this reaches what it left behind.
   * SIGKILL also reaches every process in the task's cgroup, whatever group or session it made.
   */
  signalGroup(signal: NodeJS.Signals): void {
    if (!this.running && signal !== 'SIGKILL') return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      // The group has no members left.
    }
    if (signal === 'SIGKILL') this.cgroup?.killAll();
  }

  /** Stops watching without touching the process (server shutdown). */
  detach(): void {
    clearInterval(this.poll);
  }
}

export function readExitRecord(taskDir: string): ExitRecord | null {
  try {
    return parseExitRecord(readFileSync(join(taskDir, 'exit-status'), 'utf8'));
  } catch {
    return null;
  }
}

/** True when `pid` is alive and is the wrapper of this very task (not a reused pid, not a zombie). */
export function isTaskWrapper(pid: number, taskDir: string): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv[1] === WRAPPER && argv[2] === taskDir;
  } catch {
    return false;
  }
}

/**
 * SIGKILLs every process on the machine that carries one of our container ids (`PAI_CONTAINER_ID`
 * with this data dir's prefix) but does not belong to a live task: leftovers of ended tasks,
 * including those that left their process group, and SSH sessions of ended tasks.
 */
export function killStrays(containerPrefix: string, live: Set<string>): number {
  const marker = `PAI_CONTAINER_ID=${containerPrefix}`;
  let killed = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
    } catch {
      continue;
    }
    const at = environ.indexOf(marker);
    if (at === -1 || (at > 0 && environ[at - 1] !== '\0')) continue;
    const end = environ.indexOf('\0', at);
    const containerId = environ.slice(
      at + 'PAI_CONTAINER_ID='.length,
      end === -1 ? undefined : end,
    );
    if (live.has(containerId)) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed++;
    } catch {
      // It ended meanwhile.
    }
  }
  return killed;
}
