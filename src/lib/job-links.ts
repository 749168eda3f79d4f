import type { JobListItem } from '../../contract/api-types.ts';

/** Enough of a job to address it; `legacy` may be any boolean (detail pages know it from the URL). */
export type JobRef = Pick<JobListItem, 'name' | 'username' | 'namespace'> & { legacy?: boolean };

/** The namespace a job lives in: its `namespace` when given, else its submitter. */
export function jobNamespace(job: JobRef): string {
  return job.namespace ?? job.username;
}

/** Portal URL of a job's page; legacy jobs have no namespace (docs/api.md §6). */
export function jobDetailPath(job: JobRef): string {
  const name = encodeURIComponent(job.name);
  return job.legacy ? `/jobs/${name}` : `/jobs/${encodeURIComponent(jobNamespace(job))}/${name}`;
}

/** REST path of a job: `/api/v1/jobs/<ns>~<name>`, or `/api/v1/jobs/<name>` for a legacy job. */
export function jobApiPath(job: JobRef): string {
  const id = job.legacy ? job.name : `${jobNamespace(job)}~${job.name}`;
  return `/api/v1/jobs/${encodeURIComponent(id)}`;
}

/** One key per job across namespaces, e.g. for table selection. */
export function jobKey(job: JobRef): string {
  return job.legacy ? job.name : `${jobNamespace(job)}~${job.name}`;
}
