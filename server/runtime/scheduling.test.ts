import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '../../contract/api-types.ts';
import { parseClusterConfig } from '../cluster-config.ts';
import { createRuntimeApp, oneTaskJob, type RuntimeTestApp } from './test-kit.ts';

const ended = (detail: JobDetail) =>
  ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(detail.jobStatus.state);

const cluster = parseClusterConfig({
  virtualClusters: {
    default: { cpus: 8, memoryMB: 32768, gpus: 4 },
    small: { cpus: 3, memoryMB: 4096, gpus: 0 },
  },
});

function envLines(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function readFromPort(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('scheduling, environment and ports', () => {
  let kit: RuntimeTestApp;

  beforeAll(async () => {
    kit = await createRuntimeApp({ cluster });
  });
  afterAll(async () => {
    await kit.close();
  });

  it('starts a job only when all its tasks fit, and as soon as they do', async () => {
    const big = await kit.submit(
      oneTaskJob('exec sleep 60', { virtualCluster: 'small' }, { taskNumber: 2 }),
    );
    await kit.waitForState(big, 'RUNNING');
    const gang = await kit.submit(
      oneTaskJob('exec sleep 60', { virtualCluster: 'small' }, { taskNumber: 2 }),
    );
    const later = await kit.submit(oneTaskJob('true', { virtualCluster: 'small' }));
    // One CPU is free: the 2-task gang waits, and the 1-task job behind it waits its turn (FCFS).
    await kit.schedulerKeptWaiting(gang, later);
    const waiting = await kit.detail(gang);
    expect(waiting.jobStatus).toMatchObject({
      state: 'WAITING',
      subState: 'FRAMEWORK_WAITING',
      appLaunchedTime: null,
    });
    expect(waiting.taskRoles.main!.taskStatuses.map((task) => task.taskState)).toEqual([
      'WAITING',
      'WAITING',
    ]);
    expect((await kit.detail(later)).jobStatus.state).toBe('WAITING');
    expect(kit.runtime!.usage().get('small')).toMatchObject({
      vCores: 2,
      runningJobs: 1,
      waitingJobs: 2,
    });

    await kit.stop(big);
    const running = await kit.waitForState(gang, 'RUNNING');
    expect(running.taskRoles.main!.taskStatuses.map((task) => task.taskState)).toEqual([
      'RUNNING',
      'RUNNING',
    ]);
    expect((await kit.waitFor(later, ended)).jobStatus.state).toBe('SUCCEEDED');
    await kit.stop(gang);
    await kit.waitFor(gang, ended);
  });

  it('stops a waiting job without ever starting it', async () => {
    const blocker = await kit.submit(
      oneTaskJob('exec sleep 60', { virtualCluster: 'small' }, { cpuNumber: 3 }),
    );
    await kit.waitForState(blocker, 'RUNNING');
    const queued = await kit.submit(oneTaskJob('true', { virtualCluster: 'small' }));
    await kit.waitForState(queued, 'WAITING');
    await kit.stop(queued);
    const stopped = await kit.waitFor(queued, ended);
    expect(stopped.jobStatus).toMatchObject({
      state: 'STOPPED',
      appExitCode: -7351,
      appLaunchedTime: null,
    });
    expect(kit.runtime!.usage().get('small')).toMatchObject({ runningJobs: 1, waitingJobs: 0 });
    expect((await kit.detail(blocker)).jobStatus.state).toBe('RUNNING');
    await kit.stop(blocker);
    await kit.waitFor(blocker, ended);
  });

  it('gives each task its own GPUs: CUDA_VISIBLE_DEVICES and the containerGpus bitmask', async () => {
    const name = await kit.submit(
      oneTaskJob('echo "CUDA=$CUDA_VISIBLE_DEVICES"', {}, { taskNumber: 2, gpuNumber: 2 }),
    );
    const detail = await kit.waitFor(name, ended);
    const tasks = detail.taskRoles.main!.taskStatuses;
    expect(tasks.map((task) => task.containerGpus).sort()).toEqual([12, 3]);
    for (const task of tasks) {
      const log = kit.runtime!.taskLog(
        kit.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(name) as number,
        'main',
        task.taskIndex,
        'stdout',
        null,
      );
      const expected = task.containerGpus === 3 ? '0,1' : '2,3';
      expect(log!.text.toString()).toBe(`CUDA=${expected}\n`);
    }
  });

  it('gives tasks the OpenPAI environment, the jobEnvs and real free ports', async () => {
    const config = {
      ...oneTaskJob('unused'),
      jobEnvs: { BATCH_SIZE: 32, MODEL: 'resnet' },
      taskRoles: [
        {
          name: 'ps',
          taskNumber: 1,
          cpuNumber: 2,
          memoryMB: 512,
          shmMB: 128,
          portList: [{ label: 'grpc', beginAt: 0, portNumber: 2 }],
          command: 'env | sort; pwd',
        },
        {
          name: 'worker',
          taskNumber: 2,
          minSucceededTaskCount: 2,
          command:
            "exec node -e \"require('net').createServer((s) => s.end(process.env.PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX)).listen(+process.env.PAI_PORT_LIST_worker_${PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX}_http, '127.0.0.1')\"",
        },
      ],
    };
    const name = await kit.submit(config);
    const running = await kit.waitFor(
      name,
      (d) => d.taskRoles.worker?.taskStatuses.every((t) => t.taskState === 'RUNNING') ?? false,
    );
    const jobId = kit.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(name) as number;
    const ps = running.taskRoles.ps!.taskStatuses[0]!;
    const workers = running.taskRoles.worker!.taskStatuses;

    // A task's http port is really its own: the worker listens on it and answers.
    for (const worker of workers) {
      const port = Number(worker.containerPorts!.http);
      await expect
        .poll(() => readFromPort(port).catch(() => ''), { timeout: 10_000, interval: 50 })
        .toBe(String(worker.taskIndex));
    }

    await kit.waitFor(name, () =>
      kit.runtime!.taskLog(jobId, 'ps', 0, 'stdout', null)!.text.includes('PAI_'),
    );
    const env = envLines(kit.runtime!.taskLog(jobId, 'ps', 0, 'stdout', null)!.text.toString());
    expect(env).toMatchObject({
      PAI_JOB_NAME: name,
      PAI_USER_NAME: 'alice',
      PAI_TASK_ROLE_COUNT: '2',
      PAI_TASK_ROLE_LIST: 'ps,worker',
      PAI_TASK_ROLE_TASK_COUNT_ps: '1',
      PAI_TASK_ROLE_TASK_COUNT_worker: '2',
      PAI_RESOURCE_ps: '0,2,512,128',
      PAI_RESOURCE_worker: '0,1,100,64',
      PAI_MIN_FAILED_TASK_COUNT_ps: '1',
      PAI_MIN_SUCCEEDED_TASK_COUNT_ps: '-1',
      PAI_MIN_SUCCEEDED_TASK_COUNT_worker: '2',
      PAI_HOST_IP_ps_0: '127.0.0.1',
      PAI_HOST_IP_worker_1: '127.0.0.1',
      PAI_CURRENT_TASK_ROLE_NAME: 'ps',
      PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX: '0',
      PAI_PORT_LIST_ps_0_grpc: ps.containerPorts!.grpc,
      PAI_PORT_LIST_ps_0_ssh: ps.containerPorts!.ssh,
      PAI_PORT_LIST_ps_0_http: ps.containerPorts!.http,
      PAI_PORT_LIST_worker_0_http: workers[0]!.containerPorts!.http,
      PAI_PORT_LIST_worker_1_ssh: workers[1]!.containerPorts!.ssh,
      BATCH_SIZE: '32',
      MODEL: 'resnet',
      CUDA_VISIBLE_DEVICES: '',
    });
    expect(ps.containerPorts!.grpc!.split(',')).toHaveLength(2);
    expect(env.PAI_JWT_SECRET).toBeUndefined();
    const allPorts = [ps, ...workers].flatMap((task) =>
      Object.values(task.containerPorts!).flatMap((p) => p.split(',')),
    );
    expect(new Set(allPorts).size).toBe(allPorts.length);
    expect(kit.runtime!.taskLog(jobId, 'ps', 0, 'stdout', null)!.text.toString()).toContain(
      `${kit.dataDir}/jobs/${jobId}/attempt-0/ps.0/work`,
    );
    await kit.stop(name);
    await kit.waitFor(name, ended);
  });

  it('brings 100 jobs submitted at once to an end, losing none', async () => {
    const configs = Array.from({ length: 100 }, (_, i) =>
      oneTaskJob(i % 10 === 0 ? 'exit 1' : 'true'),
    );
    const names = await Promise.all(configs.map((config) => kit.submit(config)));
    expect(new Set(names).size).toBe(100);
    const details = await Promise.all(names.map((name) => kit.waitFor(name, ended, 120_000)));
    const states = details.map((detail) => detail.jobStatus.state);
    expect(states.filter((state) => state === 'SUCCEEDED')).toHaveLength(90);
    expect(states.filter((state) => state === 'FAILED')).toHaveLength(10);
    const rows = kit.db
      .prepare(
        `SELECT COUNT(*) FROM jobs WHERE name IN (${names.map(() => '?').join(',')}) AND sub_state = 'FRAMEWORK_COMPLETED'`,
      )
      .pluck()
      .get(...names);
    expect(rows).toBe(100);
    expect(kit.runtime!.usage().get('default')).toMatchObject({
      vCores: 0,
      runningJobs: 0,
      waitingJobs: 0,
    });
  }, 180_000);
});
