import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServeProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Waits for the process to exit after `signal` (SIGKILL for a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The user a server process runs as (a root test starting an unprivileged server). */
export interface ServeIdentity {
  uid: number;
  gid: number;
}

/**
 * Runs `tsx server/cli.ts serve` on port 0 with `dataDir`, resolving once it prints its URL.
 * An `env` value of undefined removes that variable. With `identity`, the process runs as that
 * uid and gid, without supplementary groups.
 */
export async function startServeProcess(
  dataDir: string,
  env: Record<string, string | undefined> = {},
  identity?: ServeIdentity,
): Promise<ServeProcess> {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PAI_HOST: '127.0.0.1',
    PAI_PORT: '0',
    PAI_DATA_DIR: dataDir,
    PAI_LOG_LEVEL: 'silent', // a test that reads the log sets a level
    ...env,
  };
  for (const [name, value] of Object.entries(childEnv))
    if (value === undefined) delete childEnv[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...identity,
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      45_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (http:\/\/[\d.:]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited:\n${output}`));
    });
  });
  return {
    baseUrl,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
