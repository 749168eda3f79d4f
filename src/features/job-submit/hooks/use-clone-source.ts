import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isJobNameTaken } from '../../../api/jobs/get-job.ts';
import { jobConfigQueryOptions } from '../../../api/jobs/get-job-config.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { readConfig } from '../config-text/read-config.ts';
import { setValue } from '../config-text/edit-config.ts';
import { findFreeName } from '../model/free-name.ts';
import { parseCloneParam } from '../model/clone-param.ts';

export interface CloneSource {
  /** The job's config text with only `jobName` changed. */
  text: string;
  jobName: string | null;
  /** False when the stored config is not JSON (e.g. a v2 YAML job): it is shown as it is. */
  isJson: boolean;
}

/** The job's exact submitted text (`/config`) with its name changed to one that is free in `user`'s namespace. */
export async function fetchCloneSource(
  queryClient: QueryClient,
  user: string,
  clone: string,
): Promise<CloneSource> {
  const job = parseCloneParam(clone);
  const text = await queryClient.fetchQuery(jobConfigQueryOptions(job));
  const reading = readConfig(text);
  if (!reading.ok) return { text, jobName: null, isJson: false };
  const original = (reading.value as { jobName?: unknown } | null)?.jobName;
  const jobName = await findFreeName(typeof original === 'string' ? original : job.name, (name) =>
    isJobNameTaken(queryClient, user, name),
  );
  return { text: setValue(text, ['jobName'], jobName), jobName, isJson: true };
}

export function useCloneSource(user: string, clone: string | null) {
  const queryClient = useQueryClient();
  return useQuery(
    queryOptions({
      queryKey: queryKeys.submit.cloneSource(user, clone ?? ''),
      queryFn: () => fetchCloneSource(queryClient, user, clone!),
      enabled: clone !== null,
      // Read once per visit: a refetch would pick another free name under the person's hands.
      staleTime: Infinity,
      gcTime: 0,
      refetchOnWindowFocus: false,
      retry: false,
    }),
  );
}
