import type { RequestUser } from '../auth/request-user.ts';
import { forbidden } from '../errors.ts';
import type { JobRow } from '../store/jobs.ts';

/**
 * Config, SSH info, stop and delete belong to the job's owner (who submitted it) and admins;
 * any signed-in user may list jobs and read their status.
 */
export function assertOwnerOrAdmin(
  user: RequestUser,
  job: JobRow,
  action: string,
  urlName: string,
): void {
  if (user.username !== job.username && !user.admin) {
    throw forbidden(`User ${user.username} is not allowed to ${action} job ${urlName}.`);
  }
}

/** Whether `user` (none: an anonymous reader) may see the job's output. */
export function mayReadOutput(user: RequestUser | undefined, job: JobRow): boolean {
  return user !== undefined && (user.username === job.username || user.admin);
}
