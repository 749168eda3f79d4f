import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VirtualCluster } from '../../contract/api-types.ts';
import { fastLocalRuntime } from '../runtime/test-kit.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { apiClient, type ApiClient } from '../../testing/http.ts';

describe('virtual clusters', () => {
  let t: TestApp;
  let alice: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({
      runtime: fastLocalRuntime,
    });
    alice = apiClient(t.app, await t.addUser('alice'));
  });
  afterAll(async () => {
    await alice('DELETE', '/api/v1/user/alice/jobs/busy');
    await t.close();
  });

  it('lists every configured VC in the YARN shape, with capacity as a share of the cluster', async () => {
    const response = await alice('GET', '/api/v1/virtual-clusters');
    expect(response.status).toBe(200);
    const vcs = response.body as Record<string, VirtualCluster>;
    expect(Object.keys(vcs)).toEqual(['default', 'research']);
    expect(vcs.research).toEqual({
      capacity: (4 / 12) * 100,
      maxCapacity: (4 / 12) * 100,
      usedCapacity: 0,
      numActiveJobs: 0,
      numJobs: 0,
      numPendingJobs: 0,
      resourcesUsed: { memory: 0, vCores: 0, GPUs: 0 },
      resourcesTotal: { memory: 8192, vCores: 4, GPUs: 0 },
      dedicated: false,
      nodeList: [expect.any(String)],
      status: 'RUNNING',
    });
  });

  it('reports what running jobs use', async () => {
    const job = {
      jobName: 'busy',
      image: 'x',
      taskRoles: [{ name: 'm', command: 'sleep 30', taskNumber: 2, cpuNumber: 2, memoryMB: 1000 }],
    };
    expect((await alice('POST', '/api/v1/user/alice/jobs', job)).status).toBe(202);
    const vc = await vi.waitFor(
      async () => {
        const answer = (await alice('GET', '/api/v1/virtual-clusters/default'))
          .body as VirtualCluster;
        expect(answer.numActiveJobs).not.toBe(0);
        return answer;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(vc).toMatchObject({
      numActiveJobs: 1,
      numJobs: 1,
      resourcesUsed: { vCores: 4, memory: 2000, GPUs: 0 },
      usedCapacity: 50,
    });
  });

  it('answers unknown and malformed VC names', async () => {
    expect(await alice('GET', '/api/v1/virtual-clusters/nowhere')).toMatchObject({
      status: 404,
      body: { code: 'NoVirtualClusterError', message: 'Vc nowhere not found' },
    });
    expect(await alice('GET', '/api/v1/virtual-clusters/a-b')).toMatchObject({
      status: 400,
      body: { code: 'InvalidParametersError' },
    });
  });
});
