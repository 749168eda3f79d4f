import type { FastifyInstance } from 'fastify';
import type { TaskMetrics } from '../../contract/api-types.ts';
import { userOf } from '../auth/request-user.ts';
import { PaiError, badRequest } from '../errors.ts';
import { assertOwnerOrAdmin } from '../jobs/job-access.ts';
import type { JobRouteParams } from '../jobs/job-address.ts';
import { JOB_PREFIXES, loadJob } from '../jobs/load-job.ts';
import { TaskMetricsStore } from '../metrics/task-metrics-store.ts';
import type { Services } from '../services.ts';
import type { JobRow } from '../store/jobs.ts';

type TaskMetricsParams = JobRouteParams & { taskRole: string; taskIndex: string };

const INDEX = /^\d{1,9}$/;
const MB = 1024 * 1024;

interface ConfigRole {
  name?: unknown;
  taskNumber?: unknown;
  cpuNumber?: unknown;
  memoryMB?: unknown;
  gpuNumber?: unknown;
}

/** The task role's request from the stored config (defaults applied), or null when it has none. */
function requestOf(job: JobRow, taskRole: string, taskIndex: number) {
  let roles: ConfigRole[] = [];
  try {
    const config = JSON.parse(job.config_json ?? 'null') as { taskRoles?: unknown } | null;
    if (Array.isArray(config?.taskRoles)) roles = config.taskRoles as ConfigRole[];
  } catch {
    return null;
  }
  const role = roles.find((candidate) => candidate?.name === taskRole);
  if (!role) return null;
  const number = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  if (taskIndex >= number(role.taskNumber, 1)) return null;
  return {
    cpuNumber: number(role.cpuNumber, 1),
    memoryBytes: number(role.memoryMB, 100) * MB,
    gpuNumber: number(role.gpuNumber, 0),
  };
}

/**
 * `GET .../:jobName/tasks/:taskRole/:taskIndex/metrics`, for the job's owner or an admin: the
 * task's resource samples (every attempt, kept after it ends) and what its task role asked for.
 */
export function registerTaskMetricsRoutes(
  app: FastifyInstance,
  services: Services,
  intervalMs: number,
): void {
  const store = new TaskMetricsStore(services.db);
  for (const prefix of JOB_PREFIXES) {
    app.get<{ Params: TaskMetricsParams }>(
      `${prefix}/:jobName/tasks/:taskRole/:taskIndex/metrics`,
      { onRequest: services.auth.required },
      async (request, reply) => {
        const { taskRole, taskIndex } = request.params;
        if (!INDEX.test(taskIndex))
          throw badRequest('The task index must be a whole number (0, 1, …).');
        const { job, urlName } = loadJob(services, request);
        assertOwnerOrAdmin(userOf(request), job, 'read the metrics of', urlName);
        const requested = requestOf(job, taskRole, Number(taskIndex));
        if (!requested) {
          throw new PaiError(
            404,
            'NoJobError',
            `Job ${urlName} has no task ${taskRole}[${taskIndex}].`,
          );
        }
        const body: TaskMetrics = {
          taskRole,
          taskIndex: Number(taskIndex),
          requested,
          intervalSeconds: intervalMs / 1000,
          samples: store.list(job.id, taskRole, Number(taskIndex)),
          notSampled: services.runtime?.tasksNotSampled ?? null,
        };
        return reply.header('Cache-Control', 'no-store').send(body);
      },
    );
  }
}
