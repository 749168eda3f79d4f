import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { PaiError } from '../errors.ts';
import { assertOwnerOrAdmin } from '../jobs/job-access.ts';
import type { JobRouteParams } from '../jobs/job-address.ts';
import type { Services } from '../services.ts';
import { JOB_PREFIXES, loadJob } from '../jobs/load-job.ts';

/**
 * `GET .../:jobName/ssh/private-key`: the job's private SSH key (`privateKeyDirectDownloadLink`
 * of the SSH info), for the job's owner or an admin only.
 */
export function registerSshKeyRoutes(app: FastifyInstance, services: Services): void {
  for (const prefix of JOB_PREFIXES) {
    app.get<{ Params: JobRouteParams }>(
      `${prefix}/:jobName/ssh/private-key`,
      { onRequest: services.auth.required },
      async (request, reply) => {
        const { job, urlName } = loadJob(services, request);
        assertOwnerOrAdmin(userOf(request), job, 'download the SSH key of', urlName);
        const path = job.imported ? null : (services.runtime?.privateKeyPath(job.id) ?? null);
        if (!path)
          throw new PaiError(404, 'NoJobSshInfoError', `SSH info of job ${urlName} is not found.`);
        return reply
          .type('application/octet-stream')
          .header('Cache-Control', 'no-store')
          .header(
            'Content-Disposition',
            `attachment; filename="${basename(path).replace(/[^\w.~-]/g, '_')}"`,
          )
          .send(readFileSync(path));
      },
    );
  }
}
