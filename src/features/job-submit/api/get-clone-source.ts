import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { jobApiPath } from '../../../lib/job-links.ts';
import { readConfig } from '../config-text/read-config.ts';
import { setValue } from '../config-text/edit-config.ts';
import { findFreeName } from '../model/free-name.ts';
import { isJobNameTaken } from './job-name-taken.ts';
import { submitKeys } from './keys.ts';

/** `?clone=alice~train` (a namespaced job) or `?clone=train` (a legacy job). */
export function parseCloneParam(clone: string): { username: string; name: string; legacy?: true } {
  const separator = clone.indexOf('~');
  if (separator === -1) return { username: '', name: clone, legacy: true };
  return { username: clone.slice(0, separator), name: clone.slice(separator + 1) };
}

export interface CloneSource {
  /** The job's config text with only `jobName` changed. */
  text: string;
  jobName: string | null;
  /** False when the stored config is not JSON (e.g. a v2 YAML job): it is shown as it is. */
  isJson: boolean;
}

/** The job's exact submitted text (`/config`) with its name changed to one that is free in `user`'s namespace. */
export async function fetchCloneSource(
  user: string,
  clone: string,
  signal?: AbortSignal,
): Promise<CloneSource> {
  const job = parseCloneParam(clone);
  const text = await apiRequest<string>(`${jobApiPath(job)}/config`, {
    responseType: 'text',
    signal,
  });
  const reading = readConfig(text);
  if (!reading.ok) return { text, jobName: null, isJson: false };
  const original = (reading.value as { jobName?: unknown } | null)?.jobName;
  const jobName = await findFreeName(typeof original === 'string' ? original : job.name, (name) =>
    isJobNameTaken(user, name),
  );
  return { text: setValue(text, ['jobName'], jobName), jobName, isJson: true };
}

export function useCloneSource(user: string, clone: string | null) {
  return useQuery(
    queryOptions({
      queryKey: submitKeys.cloneSource(user, clone ?? ''),
      queryFn: ({ signal }) => fetchCloneSource(user, clone!, signal),
      enabled: clone !== null,
      // Read once per visit: a refetch would pick another free name under the person's hands.
      staleTime: Infinity,
      gcTime: 0,
      refetchOnWindowFocus: false,
      retry: false,
    }),
  );
}
