import type { RequestUser } from '../auth/request-user.ts';
import { forbidden } from '../errors.ts';
import type { JobRow } from '../store/jobs.ts';

/**
 * Whether `user` submitted the job: by the stable user id, so a later user of the same name is
 * not the owner; by name only for jobs that never had a user (imported history).
 */
export function ownsJob(user: RequestUser, job: JobRow): boolean {
  return job.user_id === null ? user.username === job.username : user.userId === job.user_id;
}

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
  if (!ownsJob(user, job) && !user.admin) {
    throw forbidden(`User ${user.username} is not allowed to ${action} job ${urlName}.`);
  }
}

/** Whether `user` (none: an anonymous reader) may see the job's output. */
export function mayReadOutput(user: RequestUser | undefined, job: JobRow): boolean {
  return user !== undefined && (ownsJob(user, job) || user.admin);
}
