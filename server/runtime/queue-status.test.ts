import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobListItem, JobQueueStatus } from '../../contract/api-types.ts';
import { parseClusterConfig } from '../cluster-config.ts';
import { createRuntimeApp, oneTaskJob, type RuntimeTestApp } from './test-kit.ts';

const cluster = parseClusterConfig({
  virtualClusters: {
    default: { cpus: 4, memoryMB: 4096, gpus: 4 },
    other: { cpus: 1, memoryMB: 1024, gpus: 0 },
  },
});

const gpuJob = (gpus: number, vc = 'default') =>
  oneTaskJob('exec sleep 60', { virtualCluster: vc }, { gpuNumber: gpus });

describe('queue status of waiting jobs (docs/api.md §5.3, queue)', () => {
  let kit: RuntimeTestApp;

  beforeAll(async () => {
    kit = await createRuntimeApp({ cluster });
  });
  afterAll(async () => {
    await kit.close();
  });

  const queueOf = async (jobName: string) => (await kit.detail(jobName)).jobStatus.queue;
  const listed = async (): Promise<Map<string, JobListItem>> => {
    const response = await kit.app.inject({
      method: 'GET',
      url: `/api/v1/jobs?username=${kit.username}`,
      headers: { authorization: `Bearer ${kit.token}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    return new Map((response.json() as JobListItem[]).map((item) => [item.name, item]));
  };

  it('says each waiting job’s place in its VC’s queue, what it needs and what is free, as jobs ahead end', async () => {
    const holder = await kit.submit(gpuJob(2));
    await kit.waitForState(holder, 'RUNNING');
    const big = await kit.submit(gpuJob(4));
    const small = await kit.submit(gpuJob(1));
    const elsewhereHolder = await kit.submit(gpuJob(0, 'other'));
    await kit.waitForState(elsewhereHolder, 'RUNNING');
    const elsewhere = await kit.submit(gpuJob(0, 'other'));
    await kit.schedulerKeptWaiting(big, small, elsewhere);

    expect((await kit.detail(holder)).jobStatus.queue).toBeUndefined();
    expect(await queueOf(big)).toEqual({
      position: 1,
      jobsAhead: 0,
      needs: { cpus: 1, memoryMB: 100, gpus: 4 },
      free: { cpus: 3, memoryMB: 3996, gpus: 2 },
      reason: null,
    } satisfies JobQueueStatus);
    // Strict FCFS: the 1-GPU job would fit, but waits behind the 4-GPU one.
    expect(await queueOf(small)).toMatchObject({ position: 2, jobsAhead: 1 });
    // Another VC's queue is its own: jobs waiting in `default` are not ahead of it.
    expect(await queueOf(elsewhere)).toMatchObject({
      position: 1,
      jobsAhead: 0,
      free: { cpus: 0, memoryMB: 924, gpus: 0 },
    });

    const list = await listed();
    expect(list.get(big)?.queue).toMatchObject({ position: 1, needs: { gpus: 4 } });
    expect(list.get(small)?.queue).toMatchObject({ position: 2, jobsAhead: 1 });
    expect(list.get(holder)?.queue).toBeUndefined();

    await kit.stop(holder);
    await kit.waitForState(big, 'RUNNING');
    expect(await queueOf(big)).toBeUndefined();
    expect(await queueOf(small)).toMatchObject({
      position: 1,
      jobsAhead: 0,
      needs: { gpus: 1 },
      free: { gpus: 0 },
    });

    await kit.stop(big);
    await kit.waitForState(small, 'RUNNING');
    expect(await queueOf(small)).toBeUndefined();
    for (const name of [small, elsewhereHolder]) await kit.stop(name);
    await kit.waitForState(elsewhere, 'RUNNING');
    await kit.stop(elsewhere);
  });

  it('a stopped waiting job has no queue status, and the one behind it moves up', async () => {
    const holder = await kit.submit(gpuJob(4));
    await kit.waitForState(holder, 'RUNNING');
    const first = await kit.submit(gpuJob(3));
    const second = await kit.submit(gpuJob(3));
    await kit.schedulerKeptWaiting(first, second);
    expect(await queueOf(second)).toMatchObject({ position: 2, jobsAhead: 1 });

    await kit.stop(first);
    const stopped = await kit.waitForState(first, 'STOPPED');
    expect(stopped.jobStatus.queue).toBeUndefined();
    expect(await queueOf(second)).toMatchObject({ position: 1, jobsAhead: 0 });
    await kit.stop(second);
    await kit.stop(holder);
  });
});
