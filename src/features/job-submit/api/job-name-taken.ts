import { apiRequest } from '../../../lib/api-client.ts';
import { PaiError } from '../../../lib/pai-error.ts';

/** Whether `username` already has a job called `jobName`: its detail answers, or 404 `NoJobError`. */
export async function isJobNameTaken(username: string, jobName: string): Promise<boolean> {
  try {
    await apiRequest(
      `/api/v1/user/${encodeURIComponent(username)}/jobs/${encodeURIComponent(jobName)}`,
    );
    return true;
  } catch (error) {
    if (error instanceof PaiError && error.status === 404) return false;
    throw error;
  }
}
