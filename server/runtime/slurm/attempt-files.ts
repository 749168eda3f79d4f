import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { JobSpec, TaskKey } from '../job-spec.ts';
import { parseExitRecord, type ExitRecord } from '../task-end.ts';

const LAUNCHER = fileURLToPath(new URL('./slurm-task.pl', import.meta.url));
const WRAPPER = fileURLToPath(new URL('../task-wrapper.pl', import.meta.url));

export interface ManifestTask extends TaskKey {
  taskDir: string;
  workDir: string;
  containerId: string;
  command: string;
  gpuNumber: number;
  sshPort: number;
  ports: { label: string; beginAt: number; portNumber: number }[];
  /** The static part of the environment; the launcher adds host IPs, ports and GPUs. */
  env: Record<string, string>;
}

export interface Manifest {
  logMaxBytes: number;
  graceMs: number;
  nodeAddrs: Record<string, string>;
  wrapper: string;
  roles: Record<string, { minFailed: number | null; minSucceeded: number | null }>;
  tasks: ManifestTask[];
}

export function manifestFor(
  spec: JobSpec,
  tasks: ManifestTask[],
  options: { logMaxBytes: number; graceMs: number; nodeAddrs: Record<string, string> },
): Manifest {
  return {
    ...options,
    wrapper: WRAPPER,
    roles: Object.fromEntries(
      spec.taskRoles.map((role) => [
        role.name,
        { minFailed: role.minFailedTaskCount, minSucceeded: role.minSucceededTaskCount },
      ]),
    ),
    tasks,
  };
}

/**
 * One allocation of uniform task slots, each as large as the largest role (CPUs, memory, GPUs):
 * Slurm gang-allocates it whole, and one `srun` step starts every task. A heterogeneous job would
 * fit each role exactly, but Slurm gives each of its components a node of its own, so a job of four
 * small roles would never start on three nodes.
 */
export function batchScript(input: {
  name: string;
  partition: string;
  attemptDir: string;
  spec: JobSpec;
}): string {
  const roles = input.spec.taskRoles.filter((role) => role.taskNumber > 0);
  const tasks = roles.reduce((sum, role) => sum + role.taskNumber, 0);
  const cpus = Math.max(1, ...roles.map((role) => role.cpuNumber));
  const memory = Math.max(1, ...roles.map((role) => role.memoryMB));
  const gpus = Math.max(0, ...roles.map((role) => role.gpuNumber));
  const shape = [`--ntasks=${tasks}`, `--cpus-per-task=${cpus}`];
  if (gpus > 0) shape.push(`--gpus-per-task=${gpus}`);
  const dir = input.attemptDir;
  return `#!/bin/bash
#SBATCH --job-name=${input.name}
#SBATCH --partition=${input.partition}
${shape.map((option) => `#SBATCH ${option}`).join('\n')}
#SBATCH --mem-per-cpu=${Math.ceil(memory / cpus)}
#SBATCH --output=${dir}/slurm-batch.log
#SBATCH --no-requeue
# A stop (from the server or the end hook) writes the SIGKILL deadline to ${dir}/stop.
srun --kill-on-bad-exit=0 --overlap ${shape.join(' ')} perl ${LAUNCHER} ${dir} &
step=$!
while kill -0 $step 2>/dev/null; do
  if [ -s ${dir}/stop ] && [ "$(date +%s%3N)" -ge "$(cat ${dir}/stop)" ]; then
    scancel "$SLURM_JOB_ID"
  fi
  sleep 0.2
done
wait $step
`;
}

export function writeAttempt(attemptDir: string, manifest: Manifest): void {
  mkdirSync(attemptDir, { recursive: true });
  for (const task of manifest.tasks) mkdirSync(task.workDir, { recursive: true });
  writeFileSync(join(attemptDir, 'manifest.json'), JSON.stringify(manifest));
}

/** A stop: the SIGKILL deadline, which the batch script enforces even while the server is down. */
export function writeStop(attemptDir: string, graceMs: number): void {
  try {
    writeFileSync(join(attemptDir, 'stop'), `${Date.now() + graceMs}\n`, { flag: 'wx' });
  } catch {
    // A stop is already under way.
  }
}

export type EndLine =
  | { kind: 'end'; role: string; index: number; record: ExitRecord | null }
  | { kind: 'decided'; role: string; index: number };

/** The end hook's log, in the order tasks ended. */
export function readEnds(attemptDir: string): EndLine[] {
  let text: string;
  try {
    text = readFileSync(join(attemptDir, 'ends'), 'utf8');
  } catch {
    return [];
  }
  const lines: EndLine[] = [];
  for (const line of text.split('\n')) {
    const end = /^end (\S+) (\d+) (.*)$/.exec(line);
    if (end)
      lines.push({
        kind: 'end',
        role: end[1]!,
        index: Number(end[2]),
        record: parseExitRecord(end[3]!),
      });
    const decided = /^decided (\S+) (\d+)$/.exec(line);
    if (decided) lines.push({ kind: 'decided', role: decided[1]!, index: Number(decided[2]) });
  }
  return lines;
}

export interface Rendezvous {
  node: string;
  ip: string;
  ports: Record<string, number[]>;
  gpus: string[];
}

export function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

export const slurmIdFile = (attemptDir: string) => join(attemptDir, 'slurm-job-id');
