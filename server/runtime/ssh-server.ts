import { spawn, type ChildProcess } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import ssh2, {
  type Connection,
  type ParsedKey,
  type PseudoTtyInfo,
  type Server,
  type ServerChannel,
} from 'ssh2';

export interface TaskSshOptions {
  host: string;
  port: number;
  hostKey: Buffer;
  /** The job's public key: the only key let in, whatever user name the client gives. */
  authorizedKey: ParsedKey;
  cwd: string;
  env: Record<string, string>;
  /** Runs sessions elsewhere through this argv prefix (Slurm: `srun --jobid … --overlap`). */
  remote?: string[];
  /** Puts a session's argv inside the task (its cgroup, namespaces and identity), or says why not. */
  wrap?: (argv: string[]) => string[] | Error;
}

const sameKey = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/** The argv of a session: bash, or bash under `script` when the client asked for a terminal. */
function sessionCommand(
  command: string | null,
  pty: PseudoTtyInfo | null,
  remote: string[] = [],
): [string, string[]] {
  const bash = ['bash', ...(command === null ? [] : ['-c', command])];
  if (!pty) return [[...remote, ...bash][0]!, [...remote, ...bash].slice(1)];
  // util-linux `script` gives the shell a real pseudo-terminal (line editing, job control, colours).
  const size = `stty rows ${pty.rows || 24} cols ${pty.cols || 80} 2>/dev/null; `;
  const inner =
    remote.length === 0
      ? (command ?? 'exec bash -il')
      : `exec ${[...remote, '--pty', 'bash', ...(command === null ? ['-il'] : ['-c', command])].map(shellQuote).join(' ')}`;
  return ['script', ['-qfec', size + inner, '/dev/null']];
}

const shellQuote = (word: string): string => `'${word.replace(/'/g, "'\\''")}'`;

/** An SSH endpoint for one running task: shell and exec in the task's directory and environment. */
export class TaskSshServer {
  private readonly sessions = new Set<ChildProcess>();
  private readonly clients = new Set<Connection>();

  private constructor(
    private readonly server: Server,
    private readonly options: TaskSshOptions,
  ) {}

  static start(options: TaskSshOptions): Promise<TaskSshServer> {
    return new Promise((resolve, reject) => {
      let endpoint: TaskSshServer | undefined = undefined;
      const server = new ssh2.Server({ hostKeys: [options.hostKey] }, (client) =>
        endpoint?.accept(client),
      );
      endpoint = new TaskSshServer(server, options);
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        server.on('error', () => undefined);
        resolve(endpoint);
      });
    });
  }

  private accept(client: Connection): void {
    this.clients.add(client);
    client.on('error', () => undefined);
    client.on('close', () => this.clients.delete(client));
    const key = this.options.authorizedKey;
    client.on('authentication', (ctx) => {
      if (
        ctx.method !== 'publickey' ||
        ctx.key.algo !== key.type ||
        !sameKey(ctx.key.data, key.getPublicSSH())
      ) {
        return ctx.reject(['publickey']);
      }
      if (ctx.signature && !key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo))
        return ctx.reject(['publickey']);
      return ctx.accept();
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        let pty: PseudoTtyInfo | null = null;
        session.on('pty', (accept, _reject, info) => {
          pty = info;
          accept?.();
        });
        session.on('window-change', (accept) => accept?.());
        session.on('env', (accept) => accept?.());
        session.on('shell', (accept) => this.run(accept(), null, pty));
        session.on('exec', (accept, _reject, info) => this.run(accept(), info.command, pty));
      });
    });
  }

  private run(channel: ServerChannel, command: string | null, pty: PseudoTtyInfo | null): void {
    const [shell, args] = sessionCommand(command, pty, this.options.remote);
    const env = pty
      ? { ...this.options.env, TERM: pty.term || 'xterm', SHELL: '/bin/bash' }
      : this.options.env;
    const argv = this.options.wrap ? this.options.wrap([shell, ...args]) : [shell, ...args];
    if (argv instanceof Error) {
      channel.stderr.write(`cannot start a session: ${argv.message}\n`);
      channel.exit(1);
      channel.end();
      return;
    }
    const [file, ...rest] = argv as [string, ...string[]];
    const child = spawn(file, rest, { cwd: this.options.cwd, env, detached: true, stdio: 'pipe' });
    this.sessions.add(child);
    channel.pipe(child.stdin);
    child.stdout.pipe(channel, { end: false });
    child.stderr.pipe(channel.stderr, { end: false });
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      channel.stderr.write(`cannot start ${file}: ${error.message}\n`);
      channel.exit(127);
      channel.end();
    });
    child.on('close', (code, signal) => {
      this.sessions.delete(child);
      if (signal) channel.exit(signal.replace(/^SIG/, ''));
      else channel.exit(code ?? 0);
      channel.end();
    });
    channel.on('close', () => TaskSshServer.killSession(child, 'SIGHUP'));
  }

  private static killSession(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }

  /** Stops listening, disconnects clients and kills their sessions (the task has ended). */
  async close(): Promise<void> {
    for (const child of this.sessions) TaskSshServer.killSession(child, 'SIGKILL');
    for (const client of this.clients) client.end();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
