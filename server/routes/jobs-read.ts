import type { FastifyInstance } from 'fastify';
import type { JobListItem, JobListPage } from '../../contract/api-types.ts';
import { publicReadHook } from '../auth/read-access.ts';
import { userOf } from '../auth/request-user.ts';
import { PaiError } from '../errors.ts';
import { assertOwnerOrAdmin, mayReadOutput } from '../jobs/job-access.ts';
import { jobUrlPath, type JobRouteParams } from '../jobs/job-address.ts';
import { jobDetail, jobListItem, type QueueStatusOf } from '../jobs/job-view.ts';
import { parseJobListQuery } from '../jobs/list-query.ts';
import { JOB_PREFIXES, loadJob } from '../jobs/load-job.ts';
import { publicOrigin } from '../http/public-url.ts';
import type { Services } from '../services.ts';
import { countJobs, listJobs } from '../store/job-list.ts';
import { taskLogPath } from './task-logs.ts';

/** List, detail, config and SSH info (docs/api.md §5.2, 5.3, 5.5, 5.6), under both URL prefixes. */
export function registerJobReadRoutes(app: FastifyInstance, services: Services): void {
  const hooks = { onRequest: services.auth.required };
  const readHooks = { onRequest: publicReadHook(services) };
  const queueOf: QueueStatusOf = (row) => services.runtime?.queueStatus?.(row.id) ?? null;

  for (const prefix of JOB_PREFIXES) {
    app.get<{ Params: { username?: string } }>(prefix, readHooks, async (request) => {
      const query = parseJobListQuery(
        request.query as Record<string, string>,
        request.params.username,
      );
      const page = { offset: query.offset, limit: query.limit };
      const data: JobListItem[] = listJobs(services.db, query.filter, query.order, page).map(
        (row) => jobListItem(row, queueOf),
      );
      if (!query.withTotalCount) return data;
      return { totalCount: countJobs(services.db, query.filter), data } satisfies JobListPage;
    });

    app.get<{ Params: JobRouteParams }>(`${prefix}/:jobName`, readHooks, async (request) => {
      const { job, urlName } = loadJob(services, request);
      const jobPath =
        publicOrigin(services.config, request.server) + jobUrlPath(job.framework_name);
      const logUrl = (taskRole: string, taskIndex: number) =>
        taskLogPath(jobPath, taskRole, taskIndex);
      // A guest (PAI_PUBLIC_READS) sees the status, never what the job printed.
      const showOutput = mayReadOutput(request.user, job);
      return jobDetail(job, urlName, services.jobs.tasksOf(job.id), logUrl, showOutput, queueOf);
    });

    app.get<{ Params: JobRouteParams }>(
      `${prefix}/:jobName/config`,
      hooks,
      async (request, reply) => {
        const { job, urlName } = loadJob(services, request);
        assertOwnerOrAdmin(userOf(request), job, 'read the config of', urlName);
        if (job.config_text === null) {
          throw new PaiError(404, 'NoJobConfigError', `Config of job ${urlName} is not found.`);
        }
        return reply.type('text/plain; charset=utf-8').send(job.config_text);
      },
    );

    app.get<{ Params: JobRouteParams }>(`${prefix}/:jobName/ssh`, hooks, async (request) => {
      const { job, urlName } = loadJob(services, request);
      assertOwnerOrAdmin(userOf(request), job, 'read the SSH info of', urlName);
      const sshInfo = job.imported
        ? null
        : (services.runtime?.sshInfo(job.id, publicOrigin(services.config, request.server)) ??
          null);
      if (!sshInfo)
        throw new PaiError(404, 'NoJobSshInfoError', `SSH info of job ${urlName} is not found.`);
      return sshInfo;
    });
  }
}
