import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobDetail, TaskMetrics } from '../../contract/api-types.ts';
import { MAX_SAMPLES_PER_TASK, TaskMetricsStore } from '../metrics/task-metrics-store.ts';
import { fastLocalRuntime } from '../runtime/test-kit.ts';
import { createCallers, createTestApp, type TestApp } from '../../testing/app.ts';
import type { ApiClient } from '../../testing/http.ts';
import { gpuIndicesOf } from '../runtime/capacity.ts';
import { GPU_USER_COMMAND, writeStandInNvidiaSmi } from '../../testing/stand-in-nvidia-smi.ts';

const json = { 'content-type': 'application/json' };
// Holds 64 MB and keeps one core busy until stopped.
const BUSY = `perl -e '$x = "a" x (64 * 1024 * 1024); 1 while 1'`;
// Waits under its own process name, which the stand-in nvidia-smi below looks for.

describe('task metrics: GET …/tasks/:role/:index/metrics', { timeout: 120_000 }, () => {
  let t: TestApp;
  let owner: ApiClient;
  let other: ApiClient;
  let admin: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({
      metricsIntervalMs: 200,
      runtime: fastLocalRuntime,
    });
    ({ owner, other, admin, anonymous } = await createCallers(t));
    const config = {
      jobName: 'busy',
      image: 'ubuntu',
      taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 2, memoryMB: 512, command: BUSY }],
    };
    expect(
      (await owner('POST', '/api/v1/user/alice/jobs', JSON.stringify(config), json)).status,
    ).toBe(202);
  });
  afterAll(async () => {
    await admin('DELETE', '/api/v1/jobs/alice~busy');
    await t.close();
  });

  it('samples a running task: non-zero CPU and memory, against what it asked for', async () => {
    // At least two samples, the last one with the 64 MB string in memory.
    const metrics = await vi.waitFor(
      async () => {
        const response = await owner('GET', '/api/v1/jobs/alice~busy/tasks/main/0/metrics');
        expect(response.status).toBe(200);
        const answer = response.body as TaskMetrics;
        expect(answer.samples.length).toBeGreaterThanOrEqual(2);
        expect(answer.samples.at(-1)!.rssBytes).toBeGreaterThan(60 * 1024 * 1024);
        return answer;
      },
      { timeout: 60_000, interval: 200 },
    );
    expect(metrics.requested).toEqual({
      cpuNumber: 2,
      memoryBytes: 512 * 1024 * 1024,
      gpuNumber: 0,
    });
    expect(metrics.intervalSeconds).toBe(0.2);
    expect(Math.max(...metrics.samples.map((sample) => sample.cpuPercent))).toBeGreaterThan(10);
    expect(metrics.samples[0]).toMatchObject({ attempt: 0 });
    const detail = (await owner('GET', '/api/v1/jobs/alice~busy')).body as JobDetail;
    expect(detail.jobStatus.state).toBe('RUNNING');
  });

  it('keeps the samples after the task ends', async () => {
    await owner(
      'PUT',
      '/api/v1/jobs/alice~busy/executionType',
      JSON.stringify({ value: 'STOP' }),
      json,
    );
    await vi.waitFor(
      async () =>
        expect(
          ((await owner('GET', '/api/v1/jobs/alice~busy')).body as JobDetail).jobStatus.state,
        ).toBe('STOPPED'),
      { timeout: 30_000, interval: 100 },
    );
    const response = await admin('GET', '/api/v1/user/alice/jobs/busy/tasks/main/0/metrics');
    expect(response.status).toBe(200);
    expect((response.body as TaskMetrics).samples.length).toBeGreaterThan(1);
  });

  it('owner and admin only; bad input and unknown tasks refused', async () => {
    const url = '/api/v1/jobs/alice~busy/tasks/main/0/metrics';
    expect((await anonymous('GET', url)).status).toBe(401);
    expect((await other('GET', url)).status).toBe(403);
    expect((await admin('GET', url)).status).toBe(200);
    expect((await owner('GET', '/api/v1/jobs/alice~busy/tasks/main/x/metrics')).status).toBe(400);
    expect((await owner('GET', '/api/v1/jobs/alice~busy/tasks/main/1/metrics')).status).toBe(404);
    expect((await owner('GET', '/api/v1/jobs/alice~busy/tasks/other/0/metrics')).status).toBe(404);
    expect((await owner('GET', '/api/v1/jobs/alice~nothing/tasks/main/0/metrics')).status).toBe(
      404,
    );
  });

  describe('GPU use', () => {
    const path = process.env.PATH;
    const fakeDir = mkdtempSync(join(tmpdir(), 'pai-nvidia-smi-'));
    afterAll(() => {
      process.env.PATH = path;
      rmSync(fakeDir, { recursive: true, force: true });
    });

    const metricsOf = async (name: string, role: string) =>
      (await owner('GET', `/api/v1/jobs/alice~${name}/tasks/${role}/0/metrics`))
        .body as TaskMetrics;

    /**
     * Submits a job whose task `main` has one GPU and whose task `side` has none, both running
     * GPU_USER_COMMAND; waits until `ready` holds for the samples of `main`; deletes the job.
     */
    async function gpuJob(name: string, ready: (samples: TaskMetrics['samples']) => void) {
      const role = (roleName: string, gpuNumber: number) => ({
        name: roleName,
        taskNumber: 1,
        gpuNumber,
        command: GPU_USER_COMMAND,
      });
      const config = {
        jobName: name,
        image: 'ubuntu',
        taskRoles: [role('main', 1), role('side', 0)],
      };
      expect(
        (await owner('POST', '/api/v1/user/alice/jobs', JSON.stringify(config), json)).status,
      ).toBe(202);
      const main = await vi.waitFor(
        async () => {
          const answer = await metricsOf(name, 'main');
          ready(answer.samples);
          return answer;
        },
        { timeout: 60_000, interval: 200 },
      );
      const side = await metricsOf(name, 'side');
      const detail = (await owner('GET', `/api/v1/jobs/alice~${name}`)).body as JobDetail;
      const gpus = gpuIndicesOf(detail.taskRoles.main!.taskStatuses[0]!.containerGpus);
      expect(gpus).toHaveLength(1);
      await owner('PUT', `/api/v1/jobs/alice~${name}/executionType`, '{"value":"STOP"}', json);
      return { main, side, gpus };
    }

    it('without nvidia-smi on the PATH, a task with a GPU has no GPU series', async () => {
      const { main } = await gpuJob('gpu-none', (samples) =>
        expect(samples.length).toBeGreaterThanOrEqual(2),
      );
      for (const sample of main.samples) {
        expect(sample.gpuPercent).toBeNull();
        expect(sample.gpuMemoryBytes).toBeNull();
      }
    });

    it("samples the utilisation of the task's GPU and its processes' GPU memory", async () => {
      // GPU i at 10·i + 7 % utilisation.
      writeStandInNvidiaSmi(fakeDir, [7, 17, 27, 37]);
      process.env.PATH = `${fakeDir}${delimiter}${path}`;
      // Until the task's process has renamed itself, nvidia-smi does not list it.
      const { main, side, gpus } = await gpuJob('gpu-one', (samples) =>
        expect(samples.at(-1)?.gpuMemoryBytes).toBe(300 * 1024 * 1024),
      );
      expect(main.samples.at(-1)!.gpuPercent).toBe(10 * gpus[0]! + 7);
      // The task without GPUs gets no GPU series, though its process is listed by nvidia-smi too.
      expect(side.samples.length).toBeGreaterThan(0);
      for (const sample of side.samples) {
        expect(sample.gpuPercent).toBeNull();
        expect(sample.gpuMemoryBytes).toBeNull();
      }
    });
  });

  it('keeps at most MAX_SAMPLES_PER_TASK samples, thinning the older ones', () => {
    const store = new TaskMetricsStore(t.db);
    const jobId = (t.db.prepare(`SELECT id FROM jobs WHERE name = 'busy'`).get() as { id: number })
      .id;
    const task = { jobId, taskRole: 'main', taskIndex: 0, attempt: 7 };
    for (let n = 0; n < 1000; n++)
      store.add(task, {
        time: n * 1000,
        cpuPercent: n,
        rssBytes: n,
        gpuMemoryBytes: null,
        gpuPercent: null,
      });
    const kept = store.list(jobId, 'main', 0).filter((sample) => sample.attempt === 7);
    expect(kept.length).toBeLessThanOrEqual(MAX_SAMPLES_PER_TASK);
    expect(kept.length).toBeGreaterThan(MAX_SAMPLES_PER_TASK / 2);
    expect(kept[0]!.time).toBe(0);
    expect(kept.at(-1)!.time).toBe(999_000);
  });
});
