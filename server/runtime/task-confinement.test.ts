import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

/** A range of the test's own, so that the uids show PAI_TASK_UID_RANGE is what they come from. */
const UID_RANGE = { first: 3_100_000, last: 3_100_099 };
const JWT_SECRET = 'jwt-secret-given-at-start-0123456789abcdef';
/** Prints the uid, gid and whether the environment holds a secret, as `ids <uid> <gid> <n>`. */
const SHOW_IDS = 'echo "ids $(id -u) $(id -g) $(env | grep -c -e PAI_ADMIN_PASSWORD -e PAI_JWT_)"';

const idsIn = (output: string) => {
  const match = /ids (\d+) (\d+) (\d+)/.exec(output);
  if (!match) throw new Error(`no ids in: ${output}`);
  return { uid: Number(match[1]), gid: Number(match[2]), secrets: Number(match[3]) };
};

/** A `status` field of /proc/<pid>/status: the real uid (Uid) or gid (Gid). */
const statusId = (pid: number, field: 'Uid' | 'Gid') =>
  Number(
    new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1],
  );

/** The CPU quota of the cgroup `pid` is in, in CPUs, from cpu.max (v2) or cfs_quota/period (v1). */
function cpuQuotaOf(pid: number): { dir: string; cpus: number } {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' '));
  const lines = readFileSync(`/proc/${pid}/cgroup`, 'utf8').trim().split('\n');
  for (const [, controllers, path] of lines.map((line) => line.split(':'))) {
    const v1 = controllers!.split(',').includes('cpu');
    const mount = mounts.find((fields) =>
      v1
        ? fields[2] === 'cgroup' && fields[3]!.split(',').includes('cpu')
        : controllers === '' && fields[2] === 'cgroup2',
    )?.[1];
    if (!mount) continue;
    const dir = join(mount, path!);
    if (v1 && existsSync(join(dir, 'cpu.cfs_quota_us'))) {
      const quota = Number(readFileSync(join(dir, 'cpu.cfs_quota_us'), 'utf8'));
      const period = Number(readFileSync(join(dir, 'cpu.cfs_period_us'), 'utf8'));
      return { dir, cpus: quota < 0 ? Infinity : quota / period };
    }
    if (!v1 && existsSync(join(dir, 'cpu.max'))) {
      const [quota, period] = readFileSync(join(dir, 'cpu.max'), 'utf8').trim().split(' ');
      return { dir, cpus: quota === 'max' ? Infinity : Number(quota) / Number(period) };
    }
  }
  throw new Error(`no cpu cgroup for ${pid}:\n${lines.join('\n')}`);
}

describe.skipIf(!asRoot)('a non-admin task and SSH into it, the server running as root', () => {
  let cluster: EscapeServer;
  let alice: ServerUser;
  let bob: ServerUser;
  let sshAlice: (command: string) => Promise<Outcome>;
  let sshBob: (command: string) => Promise<Outcome>;
  const keys = mkdtempSync(join(tmpdir(), 'pai-confinement-keys-'));
  const tag = `${process.pid}-${Date.now()}`;

  /** Runs `command` as a job of `user` until it ends; returns its stdout. */
  const runJob = async (user: ServerUser, jobName: string, command: string) => {
    await user.submit(jobName, command);
    await user.waitFor(jobName, ended);
    return user.stdout(jobName);
  };
  const stop = async (user: ServerUser, jobName: string) => {
    await user.api(`${user.jobPath(jobName)}/executionType`, {
      method: 'PUT',
      body: JSON.stringify({ value: 'STOP' }),
    });
    await user.waitFor(jobName, ended);
  };

  beforeAll(async () => {
    cluster = await startEscapeServer({
      PAI_TASK_UID_RANGE: `${UID_RANGE.first}-${UID_RANGE.last}`,
      PAI_JWT_SECRET: JWT_SECRET,
    });
    alice = await cluster.addUser('alice');
    bob = await cluster.addUser('bob');
    await alice.submit('shell', 'exec sleep 600');
    await bob.submit('shell', 'exec sleep 600');
    await alice.waitFor('shell', running);
    await bob.waitFor('shell', running);
    sshAlice = await alice.sshInto('shell', keys);
    sshBob = await bob.sshInto('shell', keys);
  }, 120_000);

  afterAll(async () => {
    if (alice) await stop(alice, 'shell');
    if (bob) await stop(bob, 'shell');
    await cluster?.stop();
    rmSync(keys, { recursive: true, force: true });
  }, 60_000);

  it('runs each user under a uid and gid of their own from PAI_TASK_UID_RANGE', async () => {
    const serverPid = cluster.server.process.pid!;
    const server = { uid: statusId(serverPid, 'Uid'), gid: statusId(serverPid, 'Gid') };
    expect(server).toEqual({ uid: 0, gid: 0 });
    const aliceJob = idsIn(await runJob(alice, 'ids', SHOW_IDS));
    const aliceSsh = idsIn((await sshAlice(SHOW_IDS)).output);
    const bobJob = idsIn(await runJob(bob, 'ids', SHOW_IDS));
    const bobSsh = idsIn((await sshBob(SHOW_IDS)).output);
    for (const ids of [aliceJob, aliceSsh, bobJob, bobSsh]) {
      for (const id of [ids.uid, ids.gid]) {
        expect(id).not.toBe(0);
        expect(id).not.toBe(server.uid);
        expect(id).not.toBe(server.gid);
        expect(id).toBeGreaterThanOrEqual(UID_RANGE.first);
        expect(id).toBeLessThanOrEqual(UID_RANGE.last);
      }
      expect(ids.secrets).toBe(0);
    }
    // A user's job and SSH session are the same identity; two users never share one.
    expect(aliceSsh).toEqual(aliceJob);
    expect(bobSsh).toEqual(bobJob);
    expect(bobJob.uid).not.toBe(aliceJob.uid);
    expect(bobJob.gid).not.toBe(aliceJob.gid);
  }, 60_000);

  it('gives each task a /tmp of its own, which neither other jobs nor the host see', async () => {
    const fromSsh = `/tmp/pai-private-ssh-${tag}`;
    const fromJob = `/tmp/pai-private-job-${tag}`;
    const look = (file: string) =>
      `test -e ${file} && echo "seen ${file}" || echo "absent ${file}"`;
    // Written through SSH into alice's shell task: a later session into that task still sees it.
    expect((await sshAlice(`echo kept > ${fromSsh} && cat ${fromSsh}`)).output).toContain('kept');
    expect((await sshAlice(look(fromSsh))).output).toContain(`seen ${fromSsh}`);
    // Written by another job of alice's, which keeps running meanwhile.
    await alice.submit('writer', `echo kept > ${fromJob} && ${look(fromJob)}; exec sleep 600`);
    await vi.waitFor(
      async () => expect(await alice.stdout('writer')).toContain(`seen ${fromJob}`),
      {
        timeout: 60_000,
        interval: 100,
      },
    );
    expect(await runJob(alice, 'tmp-reader', `${look(fromSsh)}; ${look(fromJob)}`)).toMatch(
      new RegExp(`absent ${fromSsh}\\s+absent ${fromJob}`),
    );
    expect((await sshAlice(look(fromJob))).output).toContain(`absent ${fromJob}`);
    expect((await sshBob(`${look(fromSsh)}; ${look(fromJob)}`)).output).toMatch(
      new RegExp(`absent ${fromSsh}\\s+absent ${fromJob}`),
    );
    expect([fromSsh, fromJob].filter((file) => existsSync(file))).toEqual([]);
    await stop(alice, 'writer');
  }, 90_000);

  it('keeps the system read-only and the working directory writable', async () => {
    const files = [`/usr/pai-x-${tag}`, `/etc/pai-x-${tag}`];
    const attempt = (via: string) =>
      files.map((file) => `touch ${file}-${via} 2>/dev/null && echo "wrote ${file}"; `).join('') +
      `touch ./work-${tag} && echo "work dir writable"`;
    const outputs = [
      await runJob(alice, 'read-only', attempt('job')),
      (await sshAlice(attempt('ssh'))).output,
    ];
    for (const output of outputs) {
      expect(output).toContain('work dir writable');
      expect(output).not.toContain('wrote');
    }
    const onHost = files.flatMap((file) => [`${file}-job`, `${file}-ssh`]);
    expect(onHost.filter((file) => existsSync(file))).toEqual([]);
  }, 60_000);

  it("leaves no secret given at start in the server's /proc/<pid>/environ", () => {
    const environ = readFileSync(`/proc/${cluster.server.process.pid}/environ`, 'latin1');
    // The file is the server's environment (it was started with these); the secrets are gone.
    expect(environ).toContain(`PAI_DATA_DIR=${cluster.dataDir}`);
    expect(environ).toContain(`PAI_TASK_UID_RANGE=${UID_RANGE.first}-${UID_RANGE.last}`);
    for (const secret of [
      'PAI_ADMIN_PASSWORD',
      'PAI_JWT_SECRET',
      JWT_SECRET,
      cluster.server.adminPassword,
    ])
      expect(environ).not.toContain(secret);
  });

  it('holds a cpuNumber: 1 task busy in two processes to a quota of one CPU', async () => {
    // Each process's own marker (`1-…`, `2-…`) is not in the command line of the shell around it.
    const spin = `spin-${tag}`;
    await alice.submit('spinner', `for i in 1 2; do perl -e '1 while 1' $i-${spin} & done; wait`, {
      cpuNumber: 1,
    });
    await alice.waitFor('spinner', running);
    const spinners = await vi.waitFor(
      () => {
        const pids = [1, 2].flatMap((i) => processesRunning(`${i}-${spin}`));
        expect(pids).toHaveLength(2);
        return pids;
      },
      { timeout: 30_000, interval: 100 },
    );
    const quotas = spinners.map(cpuQuotaOf);
    expect(quotas[1]!.dir).toBe(quotas[0]!.dir);
    expect(quotas[0]!.cpus).toBe(1);
    // The kernel accounts the group against its quota: nr_periods counts only bandwidth periods of
    // a group with a quota in which it ran. (Whether it is also throttled depends on what else the
    // machine runs: on a loaded machine two busy processes may get less than one CPU anyway.)
    const periods = () =>
      Number(
        /^nr_periods (\d+)$/m.exec(readFileSync(join(quotas[0]!.dir, 'cpu.stat'), 'utf8'))?.[1],
      );
    await vi.waitFor(() => expect(periods()).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 100,
    });
    await stop(alice, 'spinner');
  }, 90_000);
});
