import { queryOptions } from '@tanstack/react-query';
import type { SshInfo } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../../lib/job-links.ts';
import { queryKeys } from '../query-keys.ts';

/** `GET /api/v1/jobs/<ns>~<name>/ssh` (docs/api.md §5.6). */
export function fetchSshInfo(job: JobRef, signal?: AbortSignal): Promise<SshInfo> {
  return apiRequest<SshInfo>(`${jobApiPath(job)}/ssh`, { signal });
}

export const sshInfoQueryOptions = (job: JobRef) =>
  queryOptions({
    queryKey: queryKeys.jobs.ssh(job),
    queryFn: ({ signal }) => fetchSshInfo(job, signal),
  });
