import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRuntimeApp, oneTaskJob } from '../server/runtime/test-kit.ts';
import { openDatabase } from '../server/store/db.ts';
import { CAN_MOUNT, Tmpfs } from '../testing/tmpfs.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Runs the CLI as a child (optionally under another uid); resolves with its exit code and output. */
function cli(args: string[], env: Record<string, string>, asUid?: number) {
  const command = [process.execPath, '--import', 'tsx', 'server/cli.ts', ...args];
  const [file, ...rest] =
    asUid === undefined
      ? command
      : ['setpriv', `--reuid=${asUid}`, `--regid=${asUid}`, '--clear-groups', ...command];
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      file!,
      rest,
      {
        cwd: REPO_ROOT,
        env: { ...process.env, PAI_PORT: '0', PAI_LOG_LEVEL: 'silent', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** The CLI's error output without Node's own warnings. */
const errorLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\(node:\d+\)|^\(Use `node/.test(line));

describe('files of the data dir are 0600 in 0700 directories, whatever the umask', () => {
  const umask = process.umask();
  afterAll(() => void process.umask(umask));

  it('database, WAL, secrets, runtime files and job keys, from a process with umask 0', async () => {
    process.umask(0);
    const kit = await createRuntimeApp();
    try {
      const name = await kit.submit(oneTaskJob('true'));
      await kit.waitFor(name, (detail) => detail.jobStatus.state === 'SUCCEEDED');
      const jobId = kit.db
        .prepare('SELECT id FROM jobs WHERE name = ?')
        .pluck()
        .get(name) as number;
      const data = kit.dataDir;
      const sshDir = join(data, 'jobs', String(jobId), 'ssh');
      for (const dir of [data, join(data, 'runtime'), sshDir]) expect(modeOf(dir), dir).toBe(0o700);
      const secretFiles = [
        ...['pai.sqlite', 'pai.sqlite-wal', 'pai.sqlite-shm', 'jwt-secret'].map((file) =>
          join(data, file),
        ),
        ...[join(data, 'runtime'), sshDir].flatMap((dir) =>
          readdirSync(dir)
            .filter((file) => !file.endsWith('.pub')) // public keys are 0644
            .map((file) => join(dir, file)),
        ),
      ];
      expect(secretFiles.length).toBeGreaterThan(5);
      for (const file of secretFiles) expect(modeOf(file), file).toBe(0o600);
    } finally {
      await kit.close();
    }
  });

  it('tightens a data dir and database an older install left open', () => {
    process.umask(0);
    const data = mkdtempSync(join(tmpdir(), 'pai-modes-'));
    try {
      openDatabase(data).close();
      chmodSync(data, 0o755);
      chmodSync(join(data, 'pai.sqlite'), 0o644);
      const db = openDatabase(data);
      expect([
        modeOf(data),
        modeOf(join(data, 'pai.sqlite')),
        modeOf(join(data, 'pai.sqlite-wal')),
      ]).toEqual([0o700, 0o600, 0o600]);
      db.close();
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!CAN_MOUNT)(
  'a database that cannot be used stops the start with one line naming it (needs root to mount a tmpfs)',
  () => {
    let disk: Tmpfs | undefined;
    afterEach(() => {
      disk?.unmount();
      disk = undefined;
    });

    async function expectOneLine(env: Record<string, string>, pattern: RegExp, asUid?: number) {
      const run = await cli(['serve'], { PAI_ADMIN_PASSWORD: 'admin-password', ...env }, asUid);
      expect(run.code, run.stderr).toBe(1);
      expect(errorLines(run.stderr), run.stderr).toEqual([expect.stringMatching(pattern)]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }

    it('read-only', async () => {
      disk = new Tmpfs(16 << 20);
      const data = join(disk.dir, 'data');
      openDatabase(data).close();
      disk.readOnly();
      await expectOneLine(
        { PAI_DATA_DIR: data },
        new RegExp(
          `^Cannot open the database ${data}/pai\\.sqlite: it is read-only.*\\(\\w+\\)\\.$`,
        ),
      );
    });

    it('on a full disk', async () => {
      disk = new Tmpfs(16 << 20);
      const data = join(disk.dir, 'data');
      openDatabase(data).close();
      disk.fill();
      await expectOneLine(
        { PAI_DATA_DIR: data },
        new RegExp(
          `^Cannot open the database ${data}/pai\\.sqlite: the disk of ${data} is full; free space there and start again \\(\\w+\\)\\.$`,
        ),
      );
    });

    it('not a database', async () => {
      disk = new Tmpfs(16 << 20);
      const data = join(disk.dir, 'data');
      mkdirSync(data, { mode: 0o700 });
      writeFileSync(
        join(data, 'pai.sqlite'),
        'these are not the bytes of an SQLite database\n'.repeat(100),
      );
      await expectOneLine(
        { PAI_DATA_DIR: data },
        new RegExp(
          `^Cannot open the database ${data}/pai\\.sqlite: it is not an SQLite database or it is damaged.*\\(SQLITE_NOTADB\\)\\.$`,
        ),
      );
    });

    it('unreadable for the user the server runs as', async () => {
      disk = new Tmpfs(16 << 20);
      chmodSync(disk.dir, 0o755);
      const data = join(disk.dir, 'data');
      openDatabase(data).close(); // root's, 0600
      chownSync(data, 65534, 65534);
      await expectOneLine(
        { PAI_DATA_DIR: data, HOME: data },
        new RegExp(
          `^Cannot open the database ${data}/pai\\.sqlite: it cannot be opened; check that the user the server runs as may read and write it and its directory \\(\\w+\\)\\.$`,
        ),
        65534,
      );
    });
  },
);
