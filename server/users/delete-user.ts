import { stopJob } from '../jobs/stop-job.ts';
import type { Services } from '../services.ts';
import type { UserRecord } from '../store/users.ts';

/**
 * `DELETE /api/v2/user/:username` (docs/api.md §8.2): stops the user's unfinished jobs, then
 * removes the user and their tokens. The jobs stay listed under the name, owned by the removed
 * id, so a later user of the same name neither reads nor controls them.
 */
export function deleteUserAccount(services: Services, user: UserRecord): void {
  for (const job of services.jobs.unfinishedOf(user.id, user.username)) stopJob(services, job);
  services.db.transaction(() => {
    services.jobs.bindNamedJobs(user.id, user.username);
    services.users.delete(user.username); // tokens go with it (foreign key cascade)
  })();
}
