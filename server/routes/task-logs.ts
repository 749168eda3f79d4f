import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { PaiError, badRequest } from '../errors.ts';
import { assertOwnerOrAdmin } from '../jobs/job-access.ts';
import type { JobRouteParams } from '../jobs/job-address.ts';
import { LOG_STREAMS, type LogStream } from '../runtime/task-logs.ts';
import type { Services } from '../services.ts';
import { JOB_PREFIXES, loadJob } from '../jobs/load-job.ts';

type TaskLogParams = JobRouteParams & { taskRole: string; taskIndex: string; stream: string };

const INDEX = /^\d{1,9}$/;
const BYTES = /^\d{1,15}$/;

/**
 * Where a task's log is served, e.g. `/api/v1/user/alice/jobs/job1/tasks/worker/0/logs/stdout`;
 * `containerLog` of a task status points here.
 */
export const taskLogPath = (
  jobPath: string,
  taskRole: string,
  taskIndex: number,
  stream: LogStream = 'stdout',
) => `${jobPath}/tasks/${encodeURIComponent(taskRole)}/${taskIndex}/logs/${stream}`;

/**
 * `GET .../:jobName/tasks/:taskRole/:taskIndex/logs/:stream?tail=BYTES&attempt=N` (stream: stdout
 * or stderr), for the job's owner or an admin: the last BYTES bytes of the task's log; without
 * `tail`, the last 64 KiB while the task runs and everything kept once it has ended. With
 * `attempt`, an earlier attempt's log while it is kept (README, Logs).
 */
export function registerTaskLogRoutes(app: FastifyInstance, services: Services): void {
  for (const prefix of JOB_PREFIXES) {
    app.get<{ Params: TaskLogParams; Querystring: { tail?: string; attempt?: string } }>(
      `${prefix}/:jobName/tasks/:taskRole/:taskIndex/logs/:stream`,
      { onRequest: services.auth.required },
      async (request, reply) => {
        const { taskRole, taskIndex, stream } = request.params;
        const { tail, attempt } = request.query;
        if (!(LOG_STREAMS as readonly string[]).includes(stream)) {
          throw badRequest(`The log stream must be one of: ${LOG_STREAMS.join(', ')}.`);
        }
        if (!INDEX.test(taskIndex))
          throw badRequest('The task index must be a whole number (0, 1, …).');
        if (tail !== undefined && !BYTES.test(tail))
          throw badRequest('tail must be a whole number of bytes.');
        if (attempt !== undefined && !INDEX.test(attempt))
          throw badRequest('attempt must be a whole number (0, 1, …).');
        const { job, urlName } = loadJob(services, request);
        assertOwnerOrAdmin(userOf(request), job, 'read the logs of', urlName);
        const log = job.imported
          ? null
          : (services.runtime?.taskLog(
              job.id,
              taskRole,
              Number(taskIndex),
              stream as LogStream,
              tail === undefined ? null : Number(tail),
              attempt === undefined ? null : Number(attempt),
            ) ?? null);
        if (!log && attempt !== undefined) {
          throw new PaiError(
            404,
            'NoJobError',
            `Job ${urlName} has no kept logs of attempt ${attempt} of task ${taskRole}[${taskIndex}].`,
          );
        }
        if (!log) {
          throw new PaiError(
            404,
            'NoJobError',
            `Job ${urlName} has no task ${taskRole}[${taskIndex}] with logs on this server.`,
          );
        }
        return reply
          .type('text/plain; charset=utf-8')
          .header('Cache-Control', 'no-store')
          .header('X-Log-Kept-Bytes', String(log.keptBytes))
          .header('X-Task-Running', String(log.taskRunning))
          .send(log.text);
      },
    );
  }
}
