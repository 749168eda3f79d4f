import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../testing/serve-process.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

/** The shell commands of README.md's Quick Start, one per entry (continued lines joined). */
function quickStartBlocks(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /^## Quick Start$([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((block) =>
    block[1]!
      .replace(/\s*\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
}

type Check = (output: string, context: { password: string }) => void;
const json = (output: string) => JSON.parse(output) as Record<string, unknown> & unknown[];
const exampleJob = readFileSync(join(ROOT, 'examples/exampleJob.json'), 'utf8');

/** What each Quick Start command must print, recognised by a pattern of the command. */
const expectations: [RegExp, Check][] = [
  [
    /^curl .*-X POST \$PAI\/api\/v1\/token/,
    (out) =>
      expect(json(out)).toMatchObject({ user: 'admin', admin: true, token: expect.any(String) }),
  ],
  [/^TOKEN=\$\(curl/, (out) => expect(out).toBe('')],
  [
    /-X POST \$PAI\/api\/v1\/user\/\$PAI_USER\/jobs --data-binary @examples\/exampleJob\.json$/,
    (out) => expect(json(out)).toEqual({ message: 'update job exampleJob successfully' }),
  ],
  [
    / \$PAI\/api\/v1\/jobs$/,
    (out) => expect(json(out).map((job) => (job as { name: string }).name)).toContain('exampleJob'),
  ],
  [
    / \$PAI\/api\/v1\/user\/\$PAI_USER\/jobs$/,
    (out) =>
      expect(json(out)).toEqual([
        expect.objectContaining({ name: 'exampleJob', username: 'admin' }),
      ]),
  ],
  [
    /\/jobs\/exampleJob$/,
    (out) =>
      expect(json(out)).toMatchObject({
        name: 'exampleJob',
        jobStatus: { name: 'admin~exampleJob', username: 'admin' },
      }),
  ],
  [/\/jobs\/exampleJob\/config$/, (out) => expect(out).toBe(exampleJob)],
  [
    /\/jobs\/exampleJob\/ssh$/,
    (out) => {
      const body = json(out);
      if ('code' in body)
        expect(body).toEqual({
          code: 'NoJobSshInfoError',
          message: 'SSH info of job exampleJob is not found.',
        });
      else
        expect(body).toMatchObject({ containers: expect.any(Array), keyPair: expect.any(Object) });
    },
  ],
  [
    /\/executionType -d '\{"value": "STOP"\}'$/,
    (out) => expect(json(out)).toEqual({ message: 'execute job exampleJob successfully' }),
  ],
  [
    /-X DELETE \$PAI\/api\/v1\/authn\/basic\/logout$/,
    (out) => expect(json(out)).toEqual({ message: 'Logout successfully' }),
  ],
];

describe('README Quick Start, run with curl against a real server', { timeout: 120_000 }, () => {
  let dataDir: string;
  let server: ServeProcess;
  let password: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pai-quick-start-'));
    server = await startServeProcess(dataDir, {
      PAI_ADMIN_USERNAME: 'admin',
      PAI_ADMIN_PASSWORD: undefined,
    });
    const printed = /Created administrator "admin" with password: (\S+)/.exec(server.output());
    expect(printed, server.output()).not.toBeNull();
    password = printed![1]!;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the generated admin password once and stores it 0600', () => {
    expect(readFileSync(join(dataDir, 'admin-password'), 'utf8').trim()).toBe(password);
    expect(statSync(join(dataDir, 'admin-password')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(server.output().split(password)).toHaveLength(2);
  });

  it('runs every command and each prints what the README says', async () => {
    const [setup, ...blocks] = quickStartBlocks();
    expect(setup!.map((line) => line.split('=')[0])).toEqual(['PAI', 'PAI_USER', 'PAI_PASSWORD']);
    const commands = blocks.flat();
    const matched = commands.map((command) =>
      expectations.findIndex(([pattern]) => pattern.test(command)),
    );
    expect(
      commands.filter((_command, index) => matched[index] === -1),
      'commands without an expectation',
    ).toEqual([]);
    expect(new Set(matched).size, 'every expectation matches one README command').toBe(
      expectations.length,
    );

    const script = [
      'set -eu',
      `PAI=${server.baseUrl}`,
      'PAI_USER=admin',
      `PAI_PASSWORD='${password}'`,
      ...commands.flatMap((command, index) => [`echo "::command ${index}::"`, command, 'echo']),
    ].join('\n');
    const { stdout } = await run('bash', ['-c', script], { cwd: ROOT });
    const outputs = stdout
      .split(/::command \d+::\n/)
      .slice(1)
      .map((output) => output.replace(/\n$/, ''));
    expect(outputs).toHaveLength(commands.length);
    outputs.forEach((output, index) => expectations[matched[index]!]![1](output, { password }));
  });

  it('leaves the token revoked after the logout step, as the README says', async () => {
    const login = await fetch(`${server.baseUrl}/api/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const { token } = (await login.json()) as { token: string };
    await fetch(`${server.baseUrl}/api/v1/authn/basic/logout`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    const after = await fetch(`${server.baseUrl}/api/v1/jobs`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      code: 'UnauthorizedUserError',
      message: 'Your token is invalid.',
    });
  });
});
