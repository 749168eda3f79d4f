import { afterEach, describe, expect, it } from 'vitest';
import type { SshInfo } from '../../contract/api-types.ts';
import { LocalRuntime } from '../runtime/local-runtime.ts';
import { FAST_OPTIONS } from '../runtime/test-kit.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient } from '../../testing/http.ts';

const config = JSON.stringify({
  jobName: 'linked',
  image: 'busybox',
  taskRoles: [{ name: 'main', command: 'sleep 30' }],
});
const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };

/** Absolute URLs come from PAI_PUBLIC_URL (or PAI_HOST/PAI_PORT), never from the Host header. */
describe('absolute URLs', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it.each([
    [{ PAI_PUBLIC_URL: 'https://pai.example.com/' }, 'https://pai.example.com'],
    [{ PAI_HOST: '0.0.0.0', PAI_PORT: '8080' }, 'http://127.0.0.1:8080'],
  ])('with %j they start with %s', async (env, origin) => {
    t = await createTestApp({
      env: { ...env, PAI_TRUST_PROXY: 'true' },
      runtime: ({ config: serverConfig, db, cluster }) =>
        new LocalRuntime({ config: serverConfig, db, cluster, options: FAST_OPTIONS }),
    });
    const alice = apiClient(t.app, await t.addUser('alice'));
    const submitted = await alice('POST', '/api/v1/user/alice/jobs', config, {
      'content-type': 'application/json',
      ...evil,
    });
    expect(submitted.headers.location).toBe(`${origin}/api/v1/user/alice/jobs/linked`);
    const ssh = await alice('GET', '/api/v1/user/alice/jobs/linked/ssh', undefined, evil);
    expect((ssh.body as SshInfo).keyPair.privateKeyDirectDownloadLink).toBe(
      `${origin}/api/v1/user/alice/jobs/linked/ssh/private-key`,
    );
    await alice('PUT', '/api/v1/user/alice/jobs/linked/executionType', { value: 'STOP' });
  });

  it('refuses a PAI_PUBLIC_URL with a path', async () => {
    await expect(
      createTestApp({ env: { PAI_PUBLIC_URL: 'https://x.example/pai' } }),
    ).rejects.toThrow(/PAI_PUBLIC_URL/);
  });
});
