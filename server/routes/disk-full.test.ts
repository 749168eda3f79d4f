import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/http.ts';
import { CAN_MOUNT, Tmpfs } from '../../testing/tmpfs.ts';
import {
  createRuntimeApp,
  oneTaskJob,
  processesOf,
  type RuntimeTestApp,
} from '../runtime/test-kit.ts';

const json = { 'content-type': 'application/json' };

describe.skipIf(!CAN_MOUNT)(
  'the data dir disk fills up while the server runs (needs root to mount a tmpfs)',
  () => {
    let disk: Tmpfs;
    let kit: RuntimeTestApp;
    let alice: ApiClient;
    const jobId = async (name: string) =>
      kit.db.prepare('SELECT id FROM jobs WHERE name = ?').pluck().get(name) as number;

    beforeAll(async () => {
      disk = new Tmpfs(64 << 20);
      kit = await createRuntimeApp({ dataDir: join(disk.dir, 'data') });
      alice = apiClient(kit.app, kit.token);
    });
    afterAll(async () => {
      await kit.close();
      disk.unmount();
    });

    it('STOP stops the tasks, writes answer 507 {code, message}, reads go on; once freed, all is recorded', async () => {
      const name = await kit.submit(oneTaskJob('exec sleep 600'));
      const running = await kit.waitForState(name, 'RUNNING');
      const container = running.taskRoles.main!.taskStatuses[0]!.containerId!;
      expect(processesOf(container).length).toBeGreaterThan(0);
      // No room left in the write-ahead log either: the next write must grow a file.
      kit.db.pragma('wal_checkpoint(TRUNCATE)');
      disk.fill();

      const full = {
        code: 'InsufficientStorageError',
        message: expect.stringMatching(/disk .* is full/),
      };
      const login = await kit.app.inject({
        method: 'POST',
        url: '/api/v1/token',
        payload: { username: 'alice', password: 'alice-password' },
      });
      expect(login.statusCode, login.body).toBe(507);
      expect(login.json()).toEqual(full);
      const submit = await alice(
        'POST',
        '/api/v1/user/alice/jobs',
        JSON.stringify(oneTaskJob('true')),
        json,
      );
      expect(submit.status, submit.text).toBe(507);
      expect(submit.body).toEqual(full);

      const stop = await alice('PUT', `${kit.jobUrl(name)}/executionType`, { value: 'STOP' });
      // The stop's record failed (507), but the tasks stop anyway.
      expect(stop.status, stop.text).toBe(507);
      expect(stop.body).toEqual(full);
      await vi.waitFor(() => expect(processesOf(container)).toEqual([]), { timeout: 30_000 });
      expect((await alice('GET', '/api/v1/jobs')).status).toBe(200);
      expect((await alice('GET', kit.jobUrl(name))).status).toBe(200);

      disk.free();
      // The runtime records the stop once it can, execution type included.
      const stopped = await kit.waitForState(name, 'STOPPED');
      expect(stopped.jobStatus).toMatchObject({ executionType: 'STOP', appExitType: 'USER_STOP' });
      const again = await alice('PUT', `${kit.jobUrl(name)}/executionType`, { value: 'STOP' });
      expect(again.status, again.text).toBe(202);
      await kit.login('alice', 'alice-password');
    });

    it('STOP of a waiting job on a full disk takes it off the queue; the stop is recorded once freed', async () => {
      const research = { virtualCluster: 'research' };
      const blocker = await kit.submit(oneTaskJob('exec sleep 600', research, { cpuNumber: 4 }));
      await kit.waitForState(blocker, 'RUNNING');
      const waiting = await kit.submit(oneTaskJob('echo ran', research, { cpuNumber: 4 }));
      await kit.schedulerKeptWaiting(waiting);
      kit.db.pragma('wal_checkpoint(TRUNCATE)');
      disk.fill();

      const stop = await alice('PUT', `${kit.jobUrl(waiting)}/executionType`, { value: 'STOP' });
      expect(stop.status, stop.text).toBe(507);
      // Off the queue at once, though nothing could be written: no longer counted as waiting.
      expect(kit.runtime!.queueStatus!(await jobId(waiting))).toBeNull();

      disk.free();
      const stopped = await kit.waitForState(waiting, 'STOPPED');
      expect(stopped.jobStatus).toMatchObject({
        executionType: 'STOP',
        appExitType: 'USER_STOP',
        appLaunchedTime: null,
      });
      await kit.stop(blocker);
      await kit.waitForState(blocker, 'STOPPED');
      // Capacity freed by the blocker never went to the stopped job.
      expect((await kit.detail(waiting)).jobStatus.state).toBe('STOPPED');
    });
  },
);
