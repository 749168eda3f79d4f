import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { badRequest, forbidden } from '../errors.ts';
import { assertOwnerOrAdmin } from '../jobs/job-access.ts';
import { jobAddress, splitFrameworkName, type JobRouteParams } from '../jobs/job-address.ts';
import { stopJob } from '../jobs/stop-job.ts';
import { submitJob } from '../jobs/submit-job.ts';
import { publicOrigin } from '../http/public-url.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';
import { JOB_PREFIXES, NAMESPACE_JOB_PREFIXES, loadJob } from '../jobs/load-job.ts';

const validateExecutionType = compileValidator<{ value: 'START' | 'STOP' }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['value'],
    properties: { value: { enum: ['START', 'STOP'] } },
  },
  'body',
);

/**
 * What `/config` serves back: the JSON text as sent, or for a form (OpenPAI's clients sent
 * those too) the equivalent JSON text of what the form said.
 */
function submittedConfigText(request: FastifyRequest): string {
  if (request.rawBody !== undefined) return request.rawBody;
  if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
    return JSON.stringify(request.body);
  }
  throw badRequest(
    'Send the job config as JSON (Content-Type: application/json) or as a form (application/x-www-form-urlencoded).',
  );
}

const legacyCreation = (user: string, jobName: string) =>
  forbidden(
    `Legacy (un-namespaced) jobs cannot be created. Submit to /api/v1/user/${user}/jobs ` +
      `or PUT /api/v1/jobs/${user}~${jobName || '<jobName>'} instead.`,
  );

/** Submit, start/stop and delete (docs/api.md §5.4, 5.7, 5.8), under both URL prefixes. */
export function registerJobWriteRoutes(app: FastifyInstance, services: Services): void {
  const hooks = { onRequest: services.auth.required };

  function submit(
    request: FastifyRequest,
    reply: FastifyReply,
    namespace: string,
    pathJobName?: string,
  ) {
    const submitted = submitJob(services, {
      user: userOf(request),
      namespace,
      pathJobName,
      configText: submittedConfigText(request),
      body: request.body,
    });
    services.runtime?.enqueue(submitted.id);
    const base = request.url.split('?')[0]!.replace(/\/$/, '');
    const location =
      pathJobName === undefined ? `${base}/${encodeURIComponent(submitted.jobName)}` : base;
    if (submitted.warning) reply.header('X-Warning', submitted.warning);
    return reply
      .status(202)
      .header('Location', publicOrigin(services.config, request.server) + location)
      .send({ message: `update job ${submitted.jobName} successfully` });
  }

  app.post('/api/v1/jobs', hooks, async (request) => {
    const jobName = (request.body as { jobName?: unknown } | undefined)?.jobName;
    throw legacyCreation(userOf(request).username, typeof jobName === 'string' ? jobName : '');
  });
  for (const prefix of NAMESPACE_JOB_PREFIXES) {
    app.post<{ Params: { username: string } }>(prefix, hooks, async (request, reply) =>
      submit(request, reply, request.params.username),
    );
  }

  for (const prefix of JOB_PREFIXES) {
    app.put<{ Params: JobRouteParams }>(`${prefix}/:jobName`, hooks, async (request, reply) => {
      const { frameworkName } = jobAddress(request.params);
      const { namespace, name } = splitFrameworkName(frameworkName);
      if (namespace === undefined) throw legacyCreation(userOf(request).username, name);
      return submit(request, reply, namespace, name);
    });

    app.put<{ Params: JobRouteParams }>(
      `${prefix}/:jobName/executionType`,
      hooks,
      async (request, reply) => {
        const { value } = validateExecutionType(request.body ?? {});
        const { job, urlName } = loadJob(services, request);
        assertOwnerOrAdmin(userOf(request), job, 'execute', urlName);
        if (value === 'START' && job.execution_type === 'STOP') {
          throw badRequest(
            `Job ${urlName} was stopped and cannot be started again; submit it again instead.`,
          );
        }
        if (value === 'STOP') stopJob(services, job);
        return reply.status(202).send({ message: `execute job ${urlName} successfully` });
      },
    );

    app.delete<{ Params: JobRouteParams }>(`${prefix}/:jobName`, hooks, async (request, reply) => {
      const { job, urlName } = loadJob(services, request);
      assertOwnerOrAdmin(userOf(request), job, 'delete', urlName);
      if (!job.imported) await services.runtime?.remove(job.id);
      services.jobs.delete(job.id);
      return reply.status(202).send({ message: `deleted job ${urlName} successfully` });
    });
  }
}
