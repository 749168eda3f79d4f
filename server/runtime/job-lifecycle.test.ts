import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail, TaskStatus } from '../../contract/api-types.ts';
import { createRuntimeApp, oneTaskJob, processesOf, type RuntimeTestApp } from './test-kit.ts';

const ended = (detail: JobDetail) =>
  ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(detail.jobStatus.state);
const tasksOf = (detail: JobDetail, role = 'main'): TaskStatus[] =>
  detail.taskRoles[role]!.taskStatuses;

describe('job lifecycle on the local runtime', () => {
  let kit: RuntimeTestApp;

  beforeAll(async () => {
    kit = await createRuntimeApp();
  });
  afterAll(async () => {
    await kit.close();
  });

  it('runs a job to SUCCEEDED with every detail field filled', async () => {
    const name = await kit.submit(oneTaskJob('echo hello'));
    const detail = await kit.waitFor(name, ended);
    const status = detail.jobStatus;
    expect(status).toMatchObject({
      state: 'SUCCEEDED',
      subState: 'FRAMEWORK_COMPLETED',
      executionType: 'START',
      appExitCode: 0,
      retries: 0,
      retryDetails: { user: 0, platform: 0, resource: 0 },
      appExitTriggerTaskRoleName: 'main',
      appExitTriggerTaskIndex: 0,
    });
    expect(status.appLaunchedTime).toBeGreaterThanOrEqual(status.createdTime);
    expect(status.appCompletedTime).toBeGreaterThanOrEqual(status.appLaunchedTime!);
    expect(status.completedTime).toBe(status.appCompletedTime);
    expect(status.appExitDiagnostics).toMatch(/main\[0\] exited with code 0/);
    expect(tasksOf(detail)[0]).toMatchObject({
      taskIndex: 0,
      taskState: 'SUCCEEDED',
      containerExitCode: 0,
    });
  });

  it('fails a job with the exit code of its command and says why', async () => {
    const name = await kit.submit(oneTaskJob('echo "disk is full" >&2; exit 3'));
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'FAILED',
      appExitCode: 3,
      appExitTriggerTaskRoleName: 'main',
    });
    expect(detail.jobStatus.appExitDiagnostics).toMatch(/main\[0\] exited with code 3/);
    expect(detail.jobStatus.appExitDiagnostics).toMatch(/disk is full/);
    expect(tasksOf(detail)[0]).toMatchObject({ taskState: 'FAILED', containerExitCode: 3 });
  });

  it('says when the command does not exist or died on a signal', async () => {
    const missing = await kit.submit(oneTaskJob('no-such-command-here --flag'));
    const killed = await kit.submit(oneTaskJob('kill -KILL $$'));
    const missingDetail = await kit.waitFor(missing, ended);
    const killedDetail = await kit.waitFor(killed, ended);
    expect(missingDetail.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 127 });
    expect(missingDetail.jobStatus.appExitDiagnostics).toMatch(/command was not found/);
    expect(missingDetail.jobStatus.appExitDiagnostics).toMatch(/no-such-command-here/);
    expect(killedDetail.jobStatus).toMatchObject({ state: 'FAILED', appExitCode: 137 });
    expect(killedDetail.jobStatus.appExitDiagnostics).toMatch(/killed by signal SIGKILL/);
  });

  it('fails the job when a role reaches minFailedTaskCount and stops the other tasks', async () => {
    const command =
      'case $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX in 0) exit 1;; 1) sleep 0.5; exit 2;; *) exec sleep 60;; esac';
    const name = await kit.submit(
      oneTaskJob(command, {}, { taskNumber: 3, minFailedTaskCount: 2 }),
    );
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'FAILED',
      appExitCode: 2,
      appExitTriggerTaskRoleName: 'main',
      appExitTriggerTaskIndex: 1,
    });
    expect(detail.jobStatus.appExitDiagnostics).toMatch(/minFailedTaskCount of 2/);
    expect(tasksOf(detail).map((task) => [task.taskState, task.containerExitCode])).toEqual([
      ['FAILED', 1],
      ['FAILED', 2],
      ['STOPPED', -7400],
    ]);
    expect(processesOf(tasksOf(detail)[2]!.containerId!)).toEqual([]);
  });

  it('lets a job survive failures below minFailedTaskCount and succeed when all tasks end', async () => {
    const command = '[ $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX = 0 ] && exit 1; sleep 0.3';
    const name = await kit.submit(
      oneTaskJob(command, {}, { taskNumber: 2, minFailedTaskCount: 2 }),
    );
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'SUCCEEDED',
      appExitCode: 0,
      appExitTriggerTaskIndex: 1,
    });
    expect(detail.jobStatus.appExitDiagnostics).toMatch(/All 2 tasks ended \(1 failed\)/);
  });

  it('succeeds the job when a role reaches minSucceededTaskCount and stops the rest', async () => {
    const config = {
      ...oneTaskJob('unused'),
      taskRoles: [
        { name: 'server', taskNumber: 1, command: 'exec sleep 60' },
        { name: 'worker', taskNumber: 2, command: 'sleep 0.2', minSucceededTaskCount: 2 },
      ],
    };
    const name = await kit.submit(config);
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'SUCCEEDED',
      appExitCode: 0,
      appExitTriggerTaskRoleName: 'worker',
    });
    expect(detail.jobStatus.appExitDiagnostics).toMatch(/minSucceededTaskCount of 2/);
    expect(tasksOf(detail, 'server')[0]).toMatchObject({
      taskState: 'STOPPED',
      containerExitCode: -7400,
    });
    expect(tasksOf(detail, 'worker').map((task) => task.taskState)).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
  });

  it('retries a failed job retryCount times and counts the retries', async () => {
    const name = await kit.submit(oneTaskJob('exit 4', { retryCount: 2 }));
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'FAILED',
      appExitCode: 4,
      retries: 2,
      retryDetails: { user: 2, platform: 0, resource: 0 },
    });
    const attempts = kit.db
      .prepare(
        'SELECT COUNT(*) AS n FROM job_attempts WHERE job_id = (SELECT id FROM jobs WHERE name = ?)',
      )
      .get(name);
    expect(attempts).toEqual({ n: 3 });
  });

  it('stops retrying once an attempt succeeds', async () => {
    const marker = `${kit.dataDir}/retry-marker-${Date.now()}`;
    const name = await kit.submit(
      oneTaskJob(`[ -e ${marker} ] && exit 0; touch ${marker}; exit 9`, { retryCount: 3 }),
    );
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'SUCCEEDED',
      retries: 1,
      retryDetails: { user: 1, platform: 0, resource: 0 },
    });
  });

  it('retries until stopped with retryCount -2', async () => {
    const name = await kit.submit(oneTaskJob('exit 1', { retryCount: -2 }));
    await kit.waitFor(name, (detail) => detail.jobStatus.retries >= 2);
    await kit.stop(name);
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'STOPPED',
      appExitCode: -7351,
      executionType: 'STOP',
    });
    expect(detail.jobStatus.retries).toBeGreaterThanOrEqual(2);
  });

  it('stops a running job: SIGTERM, then SIGKILL after the grace period', async () => {
    // The command ignores SIGTERM, so only the SIGKILL after the grace period ends it.
    const name = await kit.submit(oneTaskJob("trap '' TERM; sleep 60 & wait; sleep 60"));
    const running = await kit.waitForState(name, 'RUNNING');
    const containerId = tasksOf(running)[0]!.containerId!;
    await kit.waitFor(name, () => processesOf(containerId).length >= 2);
    await kit.stop(name);
    const stopping = await kit.detail(name);
    expect(stopping.jobStatus.executionType).toBe('STOP');
    expect(stopping.jobStatus.state).toBe('RUNNING');
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus).toMatchObject({
      state: 'STOPPED',
      subState: 'FRAMEWORK_COMPLETED',
      appExitCode: -7351,
    });
    expect(detail.jobStatus.appExitDiagnostics).toMatch(/stopped on request/);
    expect(tasksOf(detail)[0]).toMatchObject({ taskState: 'STOPPED', containerExitCode: -7400 });
    expect(processesOf(containerId)).toEqual([]);
  });

  it('kills what a task left running in the background when it ends', async () => {
    const name = await kit.submit(oneTaskJob('setsid sleep 60 & sleep 60 & echo started'));
    const detail = await kit.waitFor(name, ended);
    expect(detail.jobStatus.state).toBe('SUCCEEDED');
    const containerId = tasksOf(detail)[0]!.containerId!;
    await kit.waitFor(name, () => processesOf(containerId).length === 0);
  });

  it('deletes a running job: its processes, its files and its row go', async () => {
    const name = await kit.submit(oneTaskJob("trap '' TERM; exec sleep 60"));
    const running = await kit.waitForState(name, 'RUNNING');
    const containerId = tasksOf(running)[0]!.containerId!;
    const jobId = kit.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(name) as number;
    expect(existsSync(join(kit.dataDir, 'jobs', String(jobId)))).toBe(true);
    const response = await kit.app.inject({
      method: 'DELETE',
      url: kit.jobUrl(name),
      headers: { authorization: `Bearer ${kit.token}` },
    });
    expect(response.statusCode).toBe(202);
    expect(processesOf(containerId)).toEqual([]);
    expect(existsSync(join(kit.dataDir, 'jobs', String(jobId)))).toBe(false);
    expect(kit.db.prepare('SELECT COUNT(*) FROM tasks WHERE job_id = ?').pluck().get(jobId)).toBe(
      0,
    );
    expect(kit.runtime!.usage().get('default')).toMatchObject({ runningJobs: 0, vCores: 0 });
  });
});
