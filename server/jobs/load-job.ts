import type { FastifyRequest } from 'fastify';
import { noJob } from '../errors.ts';
import type { Services } from '../services.ts';
import type { JobRow } from '../store/jobs.ts';
import { jobAddress, type JobRouteParams } from './job-address.ts';

/**
 * Every job route is served under both prefixes (docs/api.md §5.1), and under OpenPAI v0.16's
 * `/api/v2/user/:username/jobs`, which mounted the same v1 job routes.
 */
export const JOB_PREFIXES = [
  '/api/v1/jobs',
  '/api/v1/user/:username/jobs',
  '/api/v2/user/:username/jobs',
] as const;

/** The prefixes that name a namespace: jobs are submitted by POST to them. */
export const NAMESPACE_JOB_PREFIXES = JOB_PREFIXES.filter((prefix) => prefix.includes(':username'));

/** The job a URL names, or 404 NoJobError. */
export function loadJob(
  services: Services,
  request: FastifyRequest<{ Params: JobRouteParams }>,
): { job: JobRow; urlName: string } {
  const address = jobAddress(request.params);
  const job = services.jobs.byFrameworkName(address.frameworkName);
  if (!job) throw noJob(address.urlName);
  return { job, urlName: address.urlName };
}
