import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SshInfo } from '../../../../contract/api-types.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { jobApiPath, type JobRef } from '../model/job-ref.ts';
import { detailKeys } from './keys.ts';

const WAITING_FOR_SSH_MS = 3_000;

/** `GET .../:jobName/ssh` (CONTRACT §5.6). */
export function fetchSshInfo(job: JobRef, signal?: AbortSignal): Promise<SshInfo> {
  return apiRequest<SshInfo>(`${jobApiPath(job)}/ssh`, { signal });
}

/** While the job runs and no task serves SSH yet, asks again; the last answer stays on screen meanwhile. */
export function useSshInfo(
  job: JobRef,
  { enabled, running }: { enabled: boolean; running: boolean },
) {
  return useQuery(
    queryOptions({
      queryKey: detailKeys.ssh(job),
      queryFn: ({ signal }) => fetchSshInfo(job, signal),
      enabled,
      refetchInterval: (query) =>
        running && (query.state.data?.containers.length ?? 0) === 0 ? WAITING_FOR_SSH_MS : false,
    }),
  );
}
