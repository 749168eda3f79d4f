import { join } from 'node:path';
import { jobKeyPair, readPublicKey } from '../ssh-keys.ts';
import { TaskSshServer } from '../ssh-server.ts';
import { readJson } from './attempt-files.ts';
import type { SlurmContext } from './slurm-driver.ts';
import { slot, type SlurmJob } from './slurm-job.ts';

/**
 * The job's SSH endpoints: the same per-task server as the local runtime, listening on the
 * server's host, whose sessions run on the task's node through `srun --overlap` in the allocation.
 */
export async function openSsh(
  ctx: SlurmContext,
  job: SlurmJob,
  server: { hostKey: Buffer; closed: () => boolean },
): Promise<void> {
  if (job.slurmId === null || !job.rendezvous) return;
  const authorizedKey = readPublicKey(jobKeyPair(ctx.paths.sshDir(job.id), job.frameworkName));
  for (const [key, place] of job.rendezvous) {
    const port = job.sshPorts.get(key);
    if (port === undefined || job.ssh.has(key) || job.ends.has(key)) continue;
    const [role, index] = key.split('/') as [string, string];
    const taskDir = ctx.paths.taskDir(job.id, job.attempt, role, Number(index));
    const workDir = ctx.paths.workDir(taskDir);
    const env = readJson<Record<string, string>>(join(taskDir, 'env.json')) ?? {};
    if (process.env.SLURM_CONF) env.SLURM_CONF = process.env.SLURM_CONF;
    try {
      const endpoint = await TaskSshServer.start({
        host: ctx.bindHost,
        port,
        hostKey: server.hostKey,
        authorizedKey,
        cwd: workDir,
        env,
        remote: [
          'srun',
          `--jobid=${job.slurmId}`,
          '--overlap',
          '--ntasks=1',
          '--nodes=1',
          `--nodelist=${place.node}`,
          `--chdir=${workDir}`,
          '--quiet',
        ],
      });
      if (server.closed() || job.ends.has(key) || !ctx.jobs.has(job.id)) void endpoint.close();
      else job.ssh.set(slot(role, Number(index)), endpoint);
    } catch {
      // The port was taken meanwhile: this task has no SSH, the job runs on.
    }
  }
}

export function closeSsh(job: SlurmJob): void {
  for (const endpoint of job.ssh.values()) void endpoint.close();
  job.ssh.clear();
}
