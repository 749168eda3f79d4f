import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** Limits of one task: `memoryMB` (hard), `cpus` (CFS quota), `pids` (processes and threads). */
export interface TaskLimits {
  memoryMB: number;
  cpus: number;
  pids: number;
}

type Controller = 'memory' | 'pids' | 'cpu';
const CONTROLLERS: Controller[] = ['memory', 'pids', 'cpu'];
const CFS_PERIOD_US = 100_000;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** `key value` lines (memory.events, memory.oom_control) → the value of `key`. */
function statValue(text: string | null, key: string): number {
  const match = text && new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** One task's cgroup: a directory per controller (v1) or one directory (v2). */
export class TaskCgroup {
  constructor(
    readonly version: 1 | 2,
    private readonly dirs: Map<Controller, string>,
  ) {}

  /** Files a process writes its pid into to join the task's cgroup(s). */
  procsFiles(): string[] {
    return [...new Set(this.dirs.values())].map((dir) => join(dir, 'cgroup.procs'));
  }

  pids(): number[] {
    const seen = new Set<number>();
    for (const file of this.procsFiles())
      for (const line of (readText(file) ?? '').split('\n')) if (line) seen.add(Number(line));
    return [...seen];
  }

  /** SIGKILLs every process in the cgroup, whatever session, group or environment it has. */
  killAll(): void {
    const dir = this.dirs.get('pids') ?? this.dirs.values().next().value;
    if (this.version === 2 && dir && existsSync(join(dir, 'cgroup.kill'))) {
      try {
        writeFileSync(join(dir, 'cgroup.kill'), '1');
      } catch {
        // Falls back to killing pid by pid.
      }
    }
    // A fork between reading the list and killing is caught by the next round.
    for (let round = 0; round < 50; round++) {
      const pids = this.pids();
      if (pids.length === 0) return;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
    }
  }

  /** True when the kernel killed a process of the task for exceeding its memory limit. */
  oomKilled(): boolean {
    const dir = this.dirs.get('memory');
    if (!dir) return false;
    if (this.version === 2) return statValue(readText(join(dir, 'memory.events')), 'oom_kill') > 0;
    return statValue(readText(join(dir, 'memory.oom_control')), 'oom_kill') > 0;
  }

  /** Removes the directories; false while a process is still in them. */
  remove(): boolean {
    let removed = true;
    for (const dir of new Set(this.dirs.values())) {
      try {
        rmdirSync(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') removed = false;
      }
    }
    return removed;
  }
}

/** Where this server keeps its tasks' cgroups; null when the machine gives it none. */
export class Cgroups {
  private constructor(
    readonly version: 1 | 2,
    private readonly bases: Map<Controller, string>,
  ) {}

  /** Limits this machine cannot enforce, in words. */
  get missing(): string[] {
    const words: Record<Controller, string> = {
      memory: 'memoryMB (no memory cgroup controller)',
      pids: 'the process limit (no pids cgroup controller)',
      cpu: 'cpuNumber (no cpu cgroup controller)',
    };
    return CONTROLLERS.filter((name) => !this.bases.has(name)).map((name) => words[name]);
  }

  /**
   * Finds writable cgroups: v2 when its controllers are there (at the hierarchy's root, which
   * may hold processes), else v1, nested under this process's own cgroup of each controller.
   */
  static detect(tag: string): Cgroups | Error {
    if (process.getuid?.() !== 0) return new Error('cgroups need the server to run as root');
    const mounts = (readText('/proc/mounts') ?? '').split('\n').map((line) => line.split(' '));
    const v2 = mounts.find((fields) => fields[2] === 'cgroup2')?.[1];
    const v2Controllers = v2 ? (readText(join(v2, 'cgroup.controllers')) ?? '').split(/\s+/) : [];
    try {
      if (v2 && v2Controllers.includes('memory') && v2Controllers.includes('pids')) {
        const wanted = CONTROLLERS.filter((name) => v2Controllers.includes(name));
        const enable = wanted.map((name) => `+${name}`).join(' ');
        writeFileSync(join(v2, 'cgroup.subtree_control'), enable);
        const base = join(v2, `pai-${tag}`);
        mkdirSync(base, { recursive: true });
        writeFileSync(join(base, 'cgroup.subtree_control'), enable);
        return new Cgroups(2, new Map(wanted.map((name) => [name, base])));
      }
      const own = new Map<string, string>();
      for (const line of (readText('/proc/self/cgroup') ?? '').split('\n')) {
        const [, names, path] = line.split(':');
        for (const name of (names ?? '').split(',')) if (path) own.set(name, path);
      }
      const bases = new Map<Controller, string>();
      for (const name of CONTROLLERS) {
        const mount = mounts.find(
          (fields) => fields[2] === 'cgroup' && (fields[3] ?? '').split(',').includes(name),
        )?.[1];
        if (!mount) continue;
        const base = join(mount, own.get(name) ?? '/', `pai-${tag}`);
        mkdirSync(base, { recursive: true });
        bases.set(name, base);
      }
      if (bases.size === 0) return new Error('no cgroup controllers are mounted');
      return new Cgroups(1, bases);
    } catch (error) {
      return new Error(`cgroups cannot be written: ${(error as Error).message}`);
    }
  }

  /** The task's cgroup, without creating it (a task adopted after a restart). */
  open(name: string): TaskCgroup {
    return new TaskCgroup(
      this.version,
      new Map([...this.bases].map(([controller, base]) => [controller, join(base, name)])),
    );
  }

  /** Creates the task's cgroup with its limits. */
  create(name: string, limits: TaskLimits): TaskCgroup {
    const cgroup = this.open(name);
    const set = (controller: Controller, file: string, value: string) => {
      const base = this.bases.get(controller);
      if (base) writeFileSync(join(base, name, file), value);
    };
    for (const base of new Set(this.bases.values()))
      mkdirSync(join(base, name), { recursive: true });
    const bytes = String(limits.memoryMB * 1024 * 1024);
    const quota = String(Math.max(1, limits.cpus) * CFS_PERIOD_US);
    if (this.version === 2) {
      set('memory', 'memory.max', bytes);
      if (existsSync(join(this.bases.get('memory')!, name, 'memory.swap.max')))
        set('memory', 'memory.swap.max', '0');
      set('pids', 'pids.max', String(limits.pids));
      set('cpu', 'cpu.max', `${quota} ${CFS_PERIOD_US}`);
    } else {
      set('memory', 'memory.limit_in_bytes', bytes);
      const swap = join(
        this.bases.get('memory') ?? '/nonexistent',
        name,
        'memory.memsw.limit_in_bytes',
      );
      if (existsSync(swap)) writeFileSync(swap, bytes);
      set('pids', 'pids.max', String(limits.pids));
      set('cpu', 'cpu.cfs_period_us', String(CFS_PERIOD_US));
      set('cpu', 'cpu.cfs_quota_us', quota);
    }
    return cgroup;
  }

  /** Names of the task cgroups that exist (live or left by ended tasks). */
  names(): string[] {
    const names = new Set<string>();
    for (const base of this.bases.values()) {
      try {
        for (const entry of readdirSync(base, { withFileTypes: true }))
          if (entry.isDirectory()) names.add(entry.name);
      } catch {
        // The base went away; nothing to list.
      }
    }
    return [...names];
  }
}
