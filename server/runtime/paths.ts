import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * Where the runtime keeps things under the data dir:
 * `jobs/<id>/ssh/` (the job's key pair), `jobs/<id>/attempt-<n>/<role>.<index>/` (a task's logs and
 * exit status, with its working directory `work/`), `user-files/<user>/` (what a user's tasks see
 * at the data dir's path) and `runtime/` (the SSH host key, task uids).
 */
export class RuntimePaths {
  /** Distinguishes this data dir's container ids from those of other servers on the machine. */
  readonly tag: string;

  constructor(readonly dataDir: string) {
    this.tag = createHash('sha256').update(dataDir).digest('hex').slice(0, 8);
  }

  jobDir(jobId: number): string {
    return join(this.dataDir, 'jobs', String(jobId));
  }

  sshDir(jobId: number): string {
    return join(this.jobDir(jobId), 'ssh');
  }

  attemptDir(jobId: number, attempt: number): string {
    return join(this.jobDir(jobId), `attempt-${attempt}`);
  }

  /** `<role>.<index>`: the index has no dot, so distinct tasks never share a directory. */
  taskDir(jobId: number, attempt: number, role: string, index: number): string {
    return join(this.attemptDir(jobId, attempt), `${role}.${index}`);
  }

  workDir(taskDir: string): string {
    return join(taskDir, 'work');
  }

  /** A user's own files, which their tasks see at the data dir's path (by owner: see ActiveJob). */
  userFilesDir(owner: string): string {
    return join(this.dataDir, 'user-files', owner);
  }

  hostKey(): string {
    return join(this.dataDir, 'runtime', 'ssh_host_ed25519_key');
  }

  containerPrefix(): string {
    return `container_${this.tag}_`;
  }

  containerId(jobId: number, attempt: number, role: string, index: number): string {
    return `${this.containerPrefix()}${jobId}_${attempt}_${role}_${index}`;
  }
}
