import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobAttempt } from '../../contract/api-types.ts';
import { fastLocalRuntime } from '../runtime/test-kit.ts';
import { createCallers, createTestApp, type TestApp } from '../../testing/app.ts';
import { waitForJobState, type ApiClient } from '../../testing/http.ts';

const json = { 'content-type': 'application/json' };
// Each attempt prints its container id (it names the attempt) and a secret on stderr, then fails.
const FAILING = `echo "attempt of $PAI_CONTAINER_ID"; echo secret-output >&2; exit 3`;

describe(
  'attempt history: GET …/:job/attempts and …/logs/:stream?attempt=N',
  { timeout: 60_000 },
  () => {
    let t: TestApp;
    let owner: ApiClient;
    let other: ApiClient;
    let admin: ApiClient;
    let anonymous: ApiClient;

    beforeAll(async () => {
      t = await createTestApp({
        runtime: fastLocalRuntime,
      });
      ({ owner, other, admin, anonymous } = await createCallers(t));
      const config = {
        jobName: 'flaky',
        image: 'ubuntu',
        retryCount: 2,
        taskRoles: [{ name: 'main', taskNumber: 1, command: FAILING }],
      };
      expect(
        (await owner('POST', '/api/v1/user/alice/jobs', JSON.stringify(config), json)).status,
      ).toBe(202);
      await waitForJobState(owner, '/api/v1/jobs/alice~flaky', 'FAILED', 40_000);
    });
    afterAll(async () => {
      await admin('DELETE', '/api/v1/jobs/alice~flaky');
      await t.close();
    });

    it('lists a job retried twice: three attempts, newest first, each with its deciding task', async () => {
      const response = await owner('GET', '/api/v1/jobs/alice~flaky/attempts');
      expect(response.status).toBe(200);
      const attempts = response.body as JobAttempt[];
      expect(
        attempts.map((attempt) => [attempt.attemptIndex, attempt.state, attempt.isLatest]),
      ).toEqual([
        [2, 'FAILED', true],
        [1, 'FAILED', false],
        [0, 'FAILED', false],
      ]);
      for (const attempt of attempts) {
        expect(attempt).toMatchObject({
          exitCode: 3,
          exitType: 'user',
          appExitTriggerTaskRoleName: 'main',
          appExitTriggerTaskIndex: 0,
          logsKept: true,
        });
        expect(attempt.attemptStartedTime).toBeGreaterThan(0);
        expect(attempt.attemptCompletedTime).toBeGreaterThanOrEqual(attempt.attemptStartedTime!);
        expect(attempt.exitDiagnostics).toContain('secret-output');
      }
    });

    it('serves each kept attempt’s own log', async () => {
      for (const attempt of [0, 1, 2]) {
        const response = await owner(
          'GET',
          `/api/v1/jobs/alice~flaky/tasks/main/0/logs/stdout?attempt=${attempt}`,
        );
        expect(response.status).toBe(200);
        expect(String(response.body)).toMatch(new RegExp(`_${attempt}_main_0\\n`));
      }
      const current = await owner('GET', '/api/v1/jobs/alice~flaky/tasks/main/0/logs/stdout');
      expect(String(current.body)).toMatch(/_2_main_0\n/);
      const missing = await owner(
        'GET',
        '/api/v1/jobs/alice~flaky/tasks/main/0/logs/stdout?attempt=3',
      );
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ code: 'NoJobError' });
    });

    it('says which attempts lost their logs', async () => {
      const jobId = (
        t.db.prepare(`SELECT id FROM jobs WHERE name = 'flaky'`).get() as { id: number }
      ).id;
      const { rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      rmSync(join(t.dataDir, 'jobs', String(jobId), 'attempt-0'), { recursive: true, force: true });
      const attempts = (await owner('GET', '/api/v1/jobs/alice~flaky/attempts'))
        .body as JobAttempt[];
      expect(attempts.map((attempt) => attempt.logsKept)).toEqual([true, true, false]);
      const gone = await owner(
        'GET',
        '/api/v1/jobs/alice~flaky/tasks/main/0/logs/stderr?attempt=0',
      );
      expect(gone.status).toBe(404);
    });

    it('others read the attempts without output; only the owner and admins read their logs', async () => {
      const url = '/api/v1/jobs/alice~flaky/attempts';
      expect((await anonymous('GET', url)).status).toBe(401);
      const seen = (await other('GET', url)).body as JobAttempt[];
      expect(seen).toHaveLength(3);
      for (const attempt of seen) {
        expect(attempt.exitDiagnostics).not.toContain('secret-output');
        expect(attempt.logsKept).toBe(false);
      }
      expect((await admin('GET', '/api/v1/user/alice/jobs/flaky/attempts')).status).toBe(200);
      const log = '/api/v1/jobs/alice~flaky/tasks/main/0/logs/stdout?attempt=1';
      expect((await other('GET', log)).status).toBe(403);
      expect((await admin('GET', log)).status).toBe(200);
    });

    it('bad input: {code, message} with 400 or 404, never 500', async () => {
      for (const bad of ['x', '-1', '1.5', '9999999999', '']) {
        const response = await owner(
          'GET',
          `/api/v1/jobs/alice~flaky/tasks/main/0/logs/stdout?attempt=${encodeURIComponent(bad)}`,
        );
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 'InvalidParametersError' });
      }
      const none = await owner('GET', '/api/v1/jobs/alice~nothing/attempts');
      expect(none.status).toBe(404);
      expect(none.body).toMatchObject({ code: 'NoJobError' });
    });

    it('a job under way shows its running attempt', async () => {
      const config = {
        jobName: 'sleeper',
        image: 'ubuntu',
        taskRoles: [{ name: 'main', taskNumber: 1, command: 'sleep 30' }],
      };
      await owner('POST', '/api/v1/user/alice/jobs', JSON.stringify(config), json);
      const attempts = await vi.waitFor(
        async () => {
          const answer = (await owner('GET', '/api/v1/jobs/alice~sleeper/attempts'))
            .body as JobAttempt[];
          expect(answer[0]?.state).toBe('RUNNING');
          return answer;
        },
        { timeout: 20_000, interval: 100 },
      );
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ attemptIndex: 0, isLatest: true, exitCode: null });
      await admin('DELETE', '/api/v1/jobs/alice~sleeper');
    });
  },
);
