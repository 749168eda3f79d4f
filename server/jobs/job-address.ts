export type JobRouteParams = { username?: string; jobName: string };

/** Where a job URL points (docs/api.md §5.1). */
export interface JobAddress {
  /** `alice~job1`, or `job1` for a legacy job. */
  frameworkName: string;
  /** The job name as the URL gave it; detail `name` and error messages use it. */
  urlName: string;
  /** The URL up to the job name: `/api/v1/user/alice/jobs` or `/api/v1/jobs`. */
  baseUrl: string;
}

/** `/api/v1/user/:username/jobs/:jobName` → `username~jobName`; `/api/v1/jobs/:jobName` → `jobName`. */
export function jobAddress(params: JobRouteParams): JobAddress {
  const { username, jobName } = params;
  return username === undefined
    ? { frameworkName: jobName, urlName: jobName, baseUrl: '/api/v1/jobs' }
    : {
        frameworkName: `${username}~${jobName}`,
        urlName: jobName,
        baseUrl: `/api/v1/user/${encodeURIComponent(username)}/jobs`,
      };
}

/** Splits a framework name into namespace and job name; no namespace for a legacy name. */
export function splitFrameworkName(frameworkName: string): {
  namespace: string | undefined;
  name: string;
} {
  const tilde = frameworkName.indexOf('~');
  return tilde < 0
    ? { namespace: undefined, name: frameworkName }
    : { namespace: frameworkName.slice(0, tilde), name: frameworkName.slice(tilde + 1) };
}

/** The job's canonical URL path: `/api/v1/user/<namespace>/jobs/<name>`, or `/api/v1/jobs/<name>` (legacy). */
export function jobUrlPath(frameworkName: string): string {
  const { namespace, name } = splitFrameworkName(frameworkName);
  return namespace === undefined
    ? `/api/v1/jobs/${encodeURIComponent(name)}`
    : `/api/v1/user/${encodeURIComponent(namespace)}/jobs/${encodeURIComponent(name)}`;
}
