import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import {
  asRoot,
  ended,
  processesRunning,
  running,
  startEscapeServer,
  type EscapeServer,
  type Outcome,
  type ServerUser,
} from './escape-kit.ts';
import { processesOf } from './test-kit.ts';

/** memoryMB of the job the SSH attempts run in. */
const SHELL_MEMORY_MB = 300;
/** Printed by an attempt only when what it tried worked. */
const ESCAPED = 'ESCAPED';

interface Scene {
  dataDir: string;
  serverPid: number;
  bobJobId: number;
  bobTaskPids: number[];
}

interface Attempt {
  name: string;
  /** Shell that prints ESCAPED when the attempt worked. */
  script(scene: Scene, tag: string): string;
  /**
   * Checks from the test process (root, on the host) that what the attempt goes for is there, so
   * that an attempt at a wrong path or pid cannot pass.
   */
  target?(scene: Scene): void;
  /** Extra role fields of the job the attempt runs as. */
  role?: Record<string, unknown>;
  /** Checks after the attempt, beyond "it printed no ESCAPED". */
  check?(scene: Scene, outcome: Outcome, tag: string, detail?: JobDetail): Promise<void> | void;
}

const bobFiles = (scene: Scene) => `${scene.dataDir}/jobs/${scene.bobJobId}`;
const bobKey = (scene: Scene) => `${bobFiles(scene)}/ssh/bob~victim`;
const bobLog = (scene: Scene) => `${bobFiles(scene)}/attempt-0/main.0/stdout.log`;
const database = (scene: Scene) => `${scene.dataDir}/pai.sqlite`;
const alive = (pid: number) => expect(() => process.kill(pid, 0)).not.toThrow();

const ATTEMPTS: Attempt[] = [
  {
    name: 'read the JWT secret',
    target: (s) => expect(readFileSync(`${s.dataDir}/jwt-secret`).length).toBeGreaterThan(0),
    script: (s) => `cat ${s.dataDir}/jwt-secret && echo ${ESCAPED}`,
  },
  {
    name: 'read the database (password hashes, tokens)',
    // The schema may still be in the write-ahead log rather than the main file.
    target: (s) =>
      expect(
        [database(s), `${database(s)}-wal`]
          .map((file) => (existsSync(file) ? readFileSync(file, 'latin1') : ''))
          .join(''),
      ).toContain('password_hash'),
    script: (s) =>
      `cat ${database(s)} ${database(s)}-wal 2>/dev/null | grep -ac password_hash && echo ${ESCAPED}`,
  },
  {
    name: "read another job's private key",
    target: (s) => expect(readFileSync(bobKey(s), 'utf8')).toContain('PRIVATE KEY'),
    script: (s) => `cat ${bobKey(s)} && echo ${ESCAPED}`,
  },
  {
    name: "read another job's log",
    target: (s) => expect(readFileSync(bobLog(s), 'utf8')).toContain('bob-was-here'),
    script: (s) => `grep bob-was-here ${bobLog(s)} && echo ${ESCAPED}`,
  },
  {
    name: "read the server's environment",
    // The secrets are gone from it (task-confinement.test.ts); the data dir's path is still there.
    target: (s) =>
      expect(readFileSync(`/proc/${s.serverPid}/environ`, 'latin1')).toContain(
        `PAI_DATA_DIR=${s.dataDir}`,
      ),
    script: (s) => `grep -a PAI_DATA_DIR= /proc/${s.serverPid}/environ && echo ${ESCAPED}`,
  },
  {
    name: 'write the database',
    target: (s) =>
      expect(readFileSync(database(s)).subarray(0, 15).toString()).toBe('SQLite format 3'),
    // nocreat: a file of the task's own at that path (its view of the data dir) is no escape.
    script: (s) =>
      `printf 'XXXXXXXXXXXXXXXX' | dd of=${database(s)} conv=notrunc,nocreat status=none && echo ${ESCAPED}`,
    check: (s) => {
      expect(readFileSync(join(s.dataDir, 'pai.sqlite')).subarray(0, 15).toString()).toBe(
        'SQLite format 3',
      );
    },
  },
  {
    name: 'signal the server',
    target: (s) => alive(s.serverPid),
    script: (s) => `kill -KILL ${s.serverPid} && echo ${ESCAPED}`,
  },
  {
    name: "signal another user's task",
    target: (s) => {
      expect(s.bobTaskPids.length).toBeGreaterThanOrEqual(2);
      s.bobTaskPids.forEach(alive);
    },
    script: (s) =>
      s.bobTaskPids.map((pid) => `kill -KILL ${pid} && echo ${ESCAPED}; `).join('') + 'true',
  },
  {
    name: 'leave an orphan (setsid, environment dropped)',
    script: (_s, tag) =>
      `setsid env -i sleep 61${tag} </dev/null >/dev/null 2>&1 & sleep 0.5; echo started`,
    check: async (_s, _outcome, tag) => {
      // Through SSH the task still runs; its end is checked when it is stopped (afterAll).
      if (tag.startsWith('1')) return;
      await vi.waitFor(() => expect(processesRunning(`sleep 61${tag}`)).toEqual([]), {
        timeout: 10_000,
        interval: 100,
      });
    },
  },
  {
    name: 'exceed memoryMB',
    role: { memoryMB: 100 },
    script: () =>
      `perl -e '$x = "a" x (400 * 1024 * 1024); print "allocated\\n"' | grep -q allocated && echo ${ESCAPED}`,
    check: (_s, _outcome, _tag, detail) => {
      if (detail)
        expect(detail.jobStatus.appExitDiagnostics).toMatch(/exceeded its memory limit of 100 MB/);
    },
  },
  {
    name: 'fork 10,000 processes',
    role: { memoryMB: 1000 },
    check: (_s, outcome) => expect(outcome.output).toMatch(/forked only \d+/),
    script: () =>
      `perl -e 'my @kids; for (1 .. 10000) { my $pid = fork(); last unless defined $pid; if (!$pid) { sleep 20; exit } push @kids, $pid } print @kids == 10000 ? "${ESCAPED}\\n" : "forked only " . @kids . "\\n"; kill "KILL", @kids'`,
  },
];

describe.skipIf(!asRoot)('escape attempts by a non-admin job and SSH into it (as root)', () => {
  let cluster: EscapeServer;
  let alice: ServerUser;
  let bob: ServerUser;
  let scene: Scene;
  let sshAlice: (command: string) => Promise<Outcome>;
  const keys = mkdtempSync(join(tmpdir(), 'pai-escape-keys-'));

  beforeAll(async () => {
    cluster = await startEscapeServer();
    alice = await cluster.addUser('alice');
    bob = await cluster.addUser('bob');
    await bob.submit('victim', 'echo bob-was-here; exec sleep 600');
    await alice.submit('shell', 'exec sleep 600', { memoryMB: SHELL_MEMORY_MB });
    const victim = await bob.waitFor('victim', running);
    await alice.waitFor('shell', running);
    const containerId = victim.taskRoles.main!.taskStatuses[0]!.containerId!;
    await bob.waitFor('victim', () => processesOf(containerId).length >= 2);
    sshAlice = await alice.sshInto('shell', keys);
    const bobJobId = Number(/_(\d+)_\d+_main_0$/.exec(containerId)![1]);
    scene = {
      dataDir: cluster.dataDir,
      serverPid: cluster.server.process.pid!,
      bobJobId,
      bobTaskPids: processesOf(containerId),
    };
  }, 120_000);

  afterEach(async () => {
    // The server keeps answering, and the other user's job keeps running.
    expect((await cluster.admin.api('/api/v1')).status).toBe(200);
    expect((await bob.detail('victim')).jobStatus.state).toBe('RUNNING');
    for (const pid of scene.bobTaskPids) expect(() => process.kill(pid, 0)).not.toThrow();
    const aliceAccount = (await (await alice.api('/api/v2/user/alice')).json()) as {
      admin: boolean;
    };
    expect(aliceAccount.admin).toBe(false);
  });

  afterAll(async () => {
    if (alice) {
      await alice.api(`${alice.jobPath('shell')}/executionType`, {
        method: 'PUT',
        body: JSON.stringify({ value: 'STOP' }),
      });
      await alice.waitFor('shell', ended);
      // What SSH sessions left behind (the orphan, the fork bomb) went with the task.
      await vi.waitFor(() => expect(processesRunning('sleep 611')).toEqual([]), {
        timeout: 10_000,
        interval: 100,
      });
    }
    await cluster?.stop();
    rmSync(keys, { recursive: true, force: true });
  }, 60_000);

  ATTEMPTS.forEach((attempt, index) => {
    it(`fails as the job itself: ${attempt.name}`, async () => {
      attempt.target?.(scene);
      const jobName = `attempt-${index}`;
      await alice.submit(jobName, attempt.script(scene, `0${index}`), attempt.role);
      const detail = await alice.waitFor(jobName, ended);
      const output = await alice.stdout(jobName);
      expect(output).not.toContain(ESCAPED);
      await attempt.check?.(
        scene,
        { code: detail.jobStatus.appExitCode ?? 0, output },
        `0${index}`,
        detail,
      );
    }, 60_000);

    it(`fails through SSH into the job: ${attempt.name}`, async () => {
      if (attempt.role?.memoryMB === 100) {
        // The same allocation, above the shell job's own memoryMB, is what must fail.
        const outcome = await sshAlice(
          `perl -e '$x = "a" x (${2 * SHELL_MEMORY_MB} * 1024 * 1024); print "allocated\\n"' | grep -q allocated && echo ${ESCAPED}`,
        );
        expect(outcome.output).not.toContain(ESCAPED);
        return;
      }
      attempt.target?.(scene);
      const outcome = await sshAlice(attempt.script(scene, `1${index}`));
      expect(outcome.output).not.toContain(ESCAPED);
      await attempt.check?.(scene, outcome, `1${index}`);
    }, 60_000);
  });
});
