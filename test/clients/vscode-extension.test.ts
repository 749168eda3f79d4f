import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail, JobListItem } from '../../contract/api-types.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';

/**
 * The HTTP calls of OpenPAI v0.16's VS Code extension (contrib/pai_vscode), made exactly as it
 * makes them with `request-promise-native`, against this server with PAI_PUBLIC_READS on. The
 * extension keeps `rest_server_uri = <host>/rest-server` (src/pai/clusterManager.ts) and builds
 * URLs in src/pai/paiUri.ts.
 */

/** `request`'s `form:` option: `qs.stringify` with its defaults (indices, RFC 3986 escapes). */
function qsStringify(value: unknown, prefix = ''): string[] {
  if (value === null || value === undefined) return prefix ? [`${encode(prefix)}=`] : [];
  if (typeof value !== 'object') return [`${encode(prefix)}=${encode(String(value))}`];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => qsStringify(item, prefix ? `${prefix}[${key}]` : key));
}
const encode = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

describe("OpenPAI v0.16's VS Code extension, call by call", () => {
  let t: TestApp;
  let restServerUri: string;
  /** `json: true` in the extension's requests: an Accept header, JSON parsed from the answer. */
  const JSON_ACCEPT = { accept: 'application/json' };
  const FORM = 'application/x-www-form-urlencoded';

  beforeAll(async () => {
    t = await createTestApp({ env: { PAI_PUBLIC_READS: 'true' } });
    await t.addUser('alice');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    restServerUri = `http://127.0.0.1:${port}/rest-server`;
  });
  afterAll(() => t.close());

  const login = async () => {
    // src/pai/paiJobManager.ts getToken(): POST PAIRestUri.token(cluster) with form: {...}
    const response = await fetch(`${restServerUri}/api/v1/token`, {
      method: 'POST',
      headers: { ...JSON_ACCEPT, 'content-type': FORM },
      body: qsStringify({ username: 'alice', password: 'alice-password', expiration: 4000 }).join(
        '&',
      ),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };

  it('signs in with a form (src/pai/paiJobManager.ts getToken)', async () => {
    expect(await login()).toMatch(/^ey/);
  });

  it('detects protocol v1 from NoApiError (src/pai/clusterManager.ts add)', async () => {
    const response = await fetch(`${restServerUri}/api/v2/jobs/protocolversion/config`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NoApiError' });
  });

  it('submits a v1 config as a form and finds it (src/pai/paiJobManager.ts submitJobV1)', async () => {
    const token = await login();
    const auth = { authorization: `Bearer ${token}` };
    const detailUrl = `${restServerUri}/api/v1/user/alice/jobs/train`;
    // The name check before submitting: NoJobError means the name is free.
    const before = await fetch(detailUrl, { headers: { ...auth, ...JSON_ACCEPT } });
    expect(before.status).toBe(404);
    expect(await before.json()).toMatchObject({ code: 'NoJobError' });

    // The config as the extension's "create job config" writes it, after replaceVariables().
    const config = {
      jobName: 'train',
      image: 'aiplatform/pai.build.base',
      codeDir: '$PAI_DEFAULT_FS_URI/alice/train',
      dataDir: '$PAI_DEFAULT_FS_URI/Data/train',
      outputDir: '$PAI_DEFAULT_FS_URI/Output/train',
      taskRoles: [
        {
          name: 'task',
          taskNumber: 1,
          cpuNumber: 1,
          gpuNumber: 0,
          memoryMB: 1000,
          command: 'python train/train.py',
        },
      ],
    };
    const submitted = await fetch(`${restServerUri}/api/v1/user/alice/jobs`, {
      method: 'POST',
      headers: { ...auth, ...JSON_ACCEPT, 'content-type': FORM },
      body: qsStringify(config).join('&'),
    });
    expect(submitted.status).toBe(202);

    const after = await fetch(detailUrl, { headers: { ...auth, ...JSON_ACCEPT } });
    expect(after.status).toBe(200);
    const detail = (await after.json()) as JobDetail;
    expect(detail).toMatchObject({
      name: 'train',
      jobStatus: { username: 'alice', state: 'WAITING' },
    });
    const stored = await fetch(`${detailUrl}/config`, { headers: auth });
    expect(JSON.parse(await stored.text())).toMatchObject({
      jobName: 'train',
      taskRoles: [{ name: 'task', memoryMB: '1000', command: 'python train/train.py' }],
    });
  });

  it('lists jobs without a token (src/pai/container/jobListTreeView.ts reloadJobs)', async () => {
    const response = await fetch(`${restServerUri}/api/v1/jobs`, { headers: JSON_ACCEPT });
    expect(response.status).toBe(200);
    const jobs = (await response.json()) as JobListItem[];
    expect(jobs.map((job) => [job.name, job.username])).toEqual([['train', 'alice']]);
  });
});
