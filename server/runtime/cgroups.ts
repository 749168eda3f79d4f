import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Limits of one task: `memoryMB` (hard), `cpus` (CFS quota), `pids` (processes and threads). */
export interface TaskLimits {
  memoryMB: number;
  cpus: number;
  pids: number;
}

export type Controller = 'memory' | 'pids' | 'cpu';
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

/** What the machine shows about its cgroups (/proc/mounts, /proc/self/cgroup). */
export interface CgroupView {
  mounts: string;
  ownCgroups: string;
  /** The `cgroup.controllers` file of a cgroup2 mount. */
  v2Controllers(mount: string): string;
}

export interface CgroupLayout {
  version: 1 | 2;
  /** Base cgroup of each controller the machine has; tasks' cgroups are made under them. */
  bases: Map<Controller, string>;
}

/**
 * v2 when the cgroup2 mount has the memory and pids controllers (a base at the hierarchy's root,
 * which may hold processes), else v1, nested under this process's own cgroup of each controller.
 * A cgroup2 mount beside v1 controllers (a "hybrid" machine) has none of them, and v1 is used.
 */
export function chooseCgroupLayout(view: CgroupView, tag: string): CgroupLayout | Error {
  const mounts = view.mounts.split('\n').map((line) => line.split(' '));
  const v2 = mounts.find((fields) => fields[2] === 'cgroup2')?.[1];
  const v2Controllers = v2 ? view.v2Controllers(v2).split(/\s+/) : [];
  if (v2 && v2Controllers.includes('memory') && v2Controllers.includes('pids')) {
    const base = join(v2, `pai-${tag}`);
    const wanted = CONTROLLERS.filter((name) => v2Controllers.includes(name));
    return { version: 2, bases: new Map(wanted.map((name) => [name, base])) };
  }
  const own = new Map<string, string>();
  for (const line of view.ownCgroups.split('\n')) {
    const [, names, path] = line.split(':');
    for (const name of (names ?? '').split(',')) if (path) own.set(name, path);
  }
  const bases = new Map<Controller, string>();
  for (const name of CONTROLLERS) {
    const mount = mounts.find(
      (fields) => fields[2] === 'cgroup' && (fields[3] ?? '').split(',').includes(name),
    )?.[1];
    if (mount) bases.set(name, join(mount, own.get(name) ?? '/', `pai-${tag}`));
  }
  if (bases.size === 0) return new Error('no cgroup controllers are mounted');
  return { version: 1, bases };
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

  /** Finds and creates this server's base cgroups (see chooseCgroupLayout). */
  static detect(tag: string): Cgroups | Error {
    if (process.getuid?.() !== 0) return new Error('cgroups need the server to run as root');
    const layout = chooseCgroupLayout(
      {
        mounts: readText('/proc/mounts') ?? '',
        ownCgroups: readText('/proc/self/cgroup') ?? '',
        v2Controllers: (mount) => readText(join(mount, 'cgroup.controllers')) ?? '',
      },
      tag,
    );
    if (layout instanceof Error) return layout;
    try {
      const bases = new Set(layout.bases.values());
      if (layout.version === 2) {
        const enable = [...layout.bases.keys()].map((name) => `+${name}`).join(' ');
        for (const base of bases) {
          writeFileSync(join(dirname(base), 'cgroup.subtree_control'), enable);
          mkdirSync(base, { recursive: true });
          writeFileSync(join(base, 'cgroup.subtree_control'), enable);
        }
      } else for (const base of bases) mkdirSync(base, { recursive: true });
      return new Cgroups(layout.version, layout.bases);
    } catch (error) {
      return new Error(`cgroups cannot be written: ${(error as Error).message}`);
    }
  }

  /**
   * Clean shutdown: removes the task cgroups no process is in any more, then this server's base
   * cgroups unless a task that keeps running across the restart is still in them.
   */
  removeUnused(): void {
    for (const name of this.names()) this.open(name).remove();
    for (const base of new Set(this.bases.values())) {
      try {
        rmdirSync(base);
      } catch {
        // A task still runs in it; the next start adopts it.
      }
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
