import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SPAWNER = fileURLToPath(new URL('./task-spawner.pl', import.meta.url));

export interface SpawnRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
}

/** What the spawner says about a process it started. */
export interface SpawnWatch {
  exited(): void;
  /** The spawner ended while the process may still run: nobody reports its exit any more. */
  orphaned(): void;
}

/** A request the spawner has not answered yet. */
interface Pending {
  record: Buffer;
  resolve: (result: number | Error) => void;
  /** The spawner said it was forking for it: it may have started. */
  forking: boolean;
  /** Sent again after a spawner died before acting on it. */
  resent: boolean;
}

/**
 * Starts programs through a small long-lived perl process (task-spawner.pl) instead of forking the
 * server: Node's spawn copies the server's page tables and waits for the exec, 20-30 ms on a
 * 160 MB server with the event loop blocked, where a fork of perl takes well under one. Each
 * program gets its own session, `/dev/null` for its stdio and exactly the environment given.
 * A spawner that dies is started again: requests it never acted on go to the new one (once),
 * the one it was forking for fails (it may have started; the sweep kills what it left), and its
 * live processes go to `orphaned`.
 */
export class TaskSpawner {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly watches = new Map<number, SpawnWatch>();
  /** Exits reported before anyone watched the pid (a process that ended at once). */
  private readonly exitedEarly = new Set<number>();
  private nextId = 1;
  private closed = false;

  /** The pid of the started program, or why it could not be started. */
  spawn(request: SpawnRequest): Promise<number | Error> {
    if (this.closed) return Promise.resolve(new Error('the server is stopping'));
    const id = this.nextId++;
    const fields = [
      String(id),
      request.cwd,
      String(request.argv.length),
      ...request.argv,
      ...Object.entries(request.env).map(([name, value]) => `${name}=${value}`),
    ];
    const body = Buffer.from(fields.join('\0'));
    const record = Buffer.concat([Buffer.from(`${body.length}\n`), body]);
    return new Promise((resolve) => {
      this.pending.set(id, { record, resolve, forking: false, resent: false });
      (this.child ?? this.start()).stdin!.write(record);
    });
  }

  /** Reports the end of `pid` (started by `spawn`) to `watch`. */
  watch(pid: number, watch: SpawnWatch): void {
    if (this.exitedEarly.delete(pid)) return watch.exited();
    if (!this.child) return watch.orphaned();
    this.watches.set(pid, watch);
  }

  /** The spawner's own pid, while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Ends the spawner (at the end of its input); the programs it started keep running. */
  close(): void {
    this.closed = true;
    this.watches.clear();
    this.child?.stdin?.end();
  }

  private start(): ChildProcess {
    const child = spawn('perl', [SPAWNER], {
      cwd: '/',
      // Nothing of the server's: each request brings the whole environment of its program.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      detached: true,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    let buffered = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) this.onLine(line);
    });
    child.stdin!.on('error', () => undefined);
    let failedToStart: Error | null = null;
    child.on('error', (error) => (failedToStart = error));
    // 'close', not 'exit': what it wrote before it ended is read first.
    child.on('close', (code, signal) =>
      this.onEnd(child, failedToStart?.message ?? `it ended (${signal ?? `exit ${code}`})`),
    );
    child.unref();
    (child.stdout as unknown as { unref(): void }).unref();
    (child.stdin as unknown as { unref(): void }).unref();
    return child;
  }

  private onLine(line: string): void {
    const [kind, first, ...rest] = line.split(' ');
    const number = Number(first);
    if (kind === 'exited') {
      const watch = this.watches.get(number);
      this.watches.delete(number);
      if (watch) watch.exited();
      else if (!this.closed) this.exitedEarly.add(number);
      return;
    }
    const pending = this.pending.get(number);
    if (!pending) return;
    if (kind === 'forking') {
      pending.forking = true;
      return;
    }
    this.pending.delete(number);
    if (kind === 'started') pending.resolve(Number(rest[0]));
    else pending.resolve(new Error(rest.join(' ')));
  }

  private onEnd(child: ChildProcess, why: string): void {
    if (this.child !== child) return;
    this.child = null;
    const orphans = [...this.watches.values()];
    this.watches.clear();
    this.exitedEarly.clear();
    for (const watch of orphans) watch.orphaned();
    const lost = new Error(`the task spawner (perl) stopped while starting it: ${why}`);
    for (const [id, pending] of this.pending) {
      if (pending.forking || pending.resent || this.closed) {
        this.pending.delete(id);
        pending.resolve(lost);
      } else {
        pending.resent = true;
        (this.child ?? this.start()).stdin!.write(pending.record);
      }
    }
  }
}
