// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { taskLogPath } from './get-task-log.ts';

describe('taskLogPath', () => {
  const job = { name: 'train', username: 'alice' };

  it('follows containerLog when the server gives it', () => {
    const containerLog = `${window.location.origin}/api/v1/user/alice/jobs/train/tasks/worker/1/logs/stdout`;
    expect(taskLogPath(job, { role: 'worker', index: 1, containerLog }, 'stderr')).toBe(
      '/api/v1/user/alice/jobs/train/tasks/worker/1/logs/stderr',
    );
  });

  it('builds the path of this server otherwise', () => {
    expect(taskLogPath(job, { role: 'a b', index: 0, containerLog: null }, 'stdout')).toBe(
      '/api/v1/jobs/alice~train/tasks/a%20b/0/logs/stdout',
    );
    expect(
      taskLogPath(
        { name: 'old', username: '', legacy: true },
        { role: 'main', index: 0, containerLog: 'https://yarn.example/logs' },
        'stdout',
      ),
    ).toBe('/api/v1/jobs/old/tasks/main/0/logs/stdout');
  });
});
