import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../testing/serve-process.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** Runs `tsx server/cli.ts ...args` (what `npm run pai --` runs) with `stdin` as its input. */
function pai(dataDir: string, args: string[], stdin = '', env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PAI_DATA_DIR: dataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// Each case starts Node processes; the machine may be busy, so the timeouts are generous.
describe('pai CLI against a running server', { timeout: 120_000 }, () => {
  let dataDir: string;
  let server: ServeProcess;
  let historyFile: string;

  const login = async (username: string, password: string) => {
    const response = await fetch(`${server.baseUrl}/api/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { token: string; admin: boolean; code?: string },
    };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pai-cli-'));
    server = await startServeProcess(dataDir, { PAI_ADMIN_PASSWORD: 'admin-password' });
    historyFile = join(dataDir, 'history.json');
    writeFileSync(
      historyFile,
      JSON.stringify([
        { name: 'legacy-job', username: 'bob', state: 'SUCCEEDED', legacy: true },
        {
          name: 'namespaced',
          username: 'bob',
          state: 'FAILED',
          config: '{"jobName":"namespaced"}',
        },
      ]),
    );
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('users add: password from stdin, or generated and printed', async () => {
    const fromStdin = await pai(
      dataDir,
      ['users', 'add', 'bob', '--admin', '--password-stdin'],
      'bob-secret-1\n',
    );
    expect(fromStdin).toMatchObject({ code: 0, stdout: 'Added administrator bob.\n' });
    expect(await login('bob', 'bob-secret-1')).toMatchObject({
      status: 200,
      body: { admin: true },
    });

    const generated = await pai(dataDir, ['users', 'add', 'carol']);
    expect(generated.code).toBe(0);
    const password = /^Added user carol with password: (\S+)\n$/.exec(generated.stdout)?.[1];
    expect(password).toHaveLength(24);
    expect(await login('carol', password!)).toMatchObject({ status: 200, body: { admin: false } });
  });

  it('users add: refuses a taken name and wrong usage', async () => {
    expect(
      await pai(dataDir, ['users', 'add', 'bob', '--password-stdin'], 'another-one'),
    ).toMatchObject({
      code: 1,
      stderr: 'Cannot add user bob: User bob already exists.\n',
    });
    expect((await pai(dataDir, ['users', 'add'])).code).toBe(2);
  });

  it('users list: names, admin, virtual clusters, email and job count', async () => {
    const result = await pai(dataDir, ['users', 'list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+ADMIN\s+VIRTUAL CLUSTERS\s+EMAIL\s+JOBS$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/))).toEqual(
      expect.arrayContaining([
        ['admin', 'yes', 'default', '-', '0'],
        ['carol', 'no', 'default', '-', '0'],
      ]),
    );
    expect((await pai(dataDir, ['users', 'list', 'extra'])).code).toBe(2);
  });

  it('users passwd: from stdin or generated; old sessions end', async () => {
    const fromStdin = await pai(
      dataDir,
      ['users', 'passwd', 'carol', '--password-stdin'],
      'carol-new-1\n',
    );
    expect(fromStdin).toMatchObject({
      code: 0,
      stdout: 'Changed the password of carol; their tokens are revoked.\n',
    });
    const session = await login('carol', 'carol-new-1');
    expect(session.status).toBe(200);

    const generated = await pai(dataDir, ['users', 'passwd', 'carol']);
    const password = /New password: (\S+)\n$/.exec(generated.stdout)?.[1];
    expect(password).toHaveLength(24);
    expect((await login('carol', 'carol-new-1')).status).toBe(400);
    expect((await login('carol', password!)).status).toBe(200);
    const oldSession = await fetch(`${server.baseUrl}/api/v1/user/carol`, {
      headers: { authorization: `Bearer ${session.body.token}` },
    });
    expect(oldSession.status).toBe(401);
  });

  it('users passwd: refuses an unknown user, a short password and wrong usage', async () => {
    expect(
      await pai(dataDir, ['users', 'passwd', 'nobody', '--password-stdin'], 'long-enough'),
    ).toMatchObject({
      code: 1,
      stderr: 'Cannot set the password of nobody: User nobody is not found.\n',
    });
    const short = await pai(dataDir, ['users', 'passwd', 'carol', '--password-stdin'], 'abc');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^Cannot set the password of carol: .*password/);
    expect((await pai(dataDir, ['users', 'passwd'])).code).toBe(2);
    expect((await pai(dataDir, ['users', 'passwd', 'carol', '--admin'])).code).toBe(2);
  });

  it('users admin: on and off, refused for an unknown user or value', async () => {
    expect(await pai(dataDir, ['users', 'admin', 'carol', 'on'])).toMatchObject({
      code: 0,
      stdout: 'carol is now an administrator.\n',
    });
    expect((await pai(dataDir, ['users', 'list'])).stdout).toMatch(/^carol\s+yes\s/m);
    expect(await pai(dataDir, ['users', 'admin', 'carol', 'off'])).toMatchObject({
      code: 0,
      stdout: 'carol is no longer an administrator.\n',
    });
    expect(await pai(dataDir, ['users', 'admin', 'nobody', 'on'])).toMatchObject({
      code: 1,
      stderr: 'Cannot change user nobody: User nobody is not found.\n',
    });
    expect((await pai(dataDir, ['users', 'admin', 'carol', 'yes'])).code).toBe(2);
    expect((await pai(dataDir, ['users', 'admin', 'carol'])).code).toBe(2);
  });

  it('jobs import: once while the server runs, again without effect', async () => {
    expect(await pai(dataDir, ['jobs', 'import', historyFile])).toMatchObject({
      code: 0,
      stdout: `Imported 2 jobs from ${historyFile}; 0 already present.\n`,
    });
    expect((await pai(dataDir, ['jobs', 'import', historyFile])).stdout).toBe(
      `Imported 0 jobs from ${historyFile}; 2 already present.\n`,
    );
    const { body } = await login('bob', 'bob-secret-1');
    const list = (await (
      await fetch(`${server.baseUrl}/api/v1/jobs`, {
        headers: { authorization: `Bearer ${body.token}` },
      })
    ).json()) as {
      name: string;
      legacy?: true;
    }[];
    expect(list.map((job) => [job.name, job.legacy ?? false]).sort()).toEqual([
      ['legacy-job', true],
      ['namespaced', false],
    ]);
  });

  it('jobs import: names what is wrong and imports nothing', async () => {
    const bad = join(dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ name: 'fine', username: 'bob' }, { name: 'x' }]));
    expect(await pai(dataDir, ['jobs', 'import', bad])).toMatchObject({
      code: 1,
      stderr: `Nothing imported from ${bad}:\njobs[1]: username is required\n`,
    });
  });
});

describe('pai serve with invalid configuration', { timeout: 120_000 }, () => {
  it('stops with a message that names the variable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pai-cli-'));
    try {
      const result = await pai(dataDir, ['serve'], '', { PAI_PORT: 'ninety' });
      expect(result).toMatchObject({
        code: 1,
        stderr: 'Invalid configuration: PAI_PORT: "ninety" is not a TCP port (0–65535).\n',
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
