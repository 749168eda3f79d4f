import { execFile } from 'node:child_process';

/** Slurm's own command-line tools, the only way the backend talks to the cluster. */

/** The environment Slurm's tools and jobs get: no server secrets; SLURM_CONF names the cluster. */
export function slurmEnv(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && /^(PATH|HOME|LANG|LC_[A-Z]+|TZ|SLURM_CONF|MUNGE_SOCKET)$/.test(key))
      env[key] = value;
  }
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';
  return env;
}

export function slurm(tool: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      tool,
      args,
      { env: slurmEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${tool} ${args.join(' ')}: ${stderr.trim() || error.message}`));
        else resolve(stdout);
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Submits a batch script (its `#SBATCH` lines say the rest); returns the Slurm job id. */
export async function sbatch(script: string, cwd: string): Promise<number> {
  const out = await slurm('sbatch', ['--parsable', `--chdir=${cwd}`], script);
  const id = Number.parseInt(out.trim().split(';')[0]!, 10);
  if (!Number.isInteger(id)) throw new Error(`sbatch answered "${out.trim()}"`);
  return id;
}

export interface SlurmJobState {
  id: number;
  name: string;
  /** PENDING, RUNNING, COMPLETING, COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, … */
  state: string;
  reason: string;
  partition: string;
  nodes: string;
  exitCode: string;
}

const FIELDS = '%i|%j|%T|%r|%P|%N';

/** The jobs of these names Slurm still knows (ended ones until MinJobAge has passed). */
export async function squeueByName(names: string[]): Promise<Map<string, SlurmJobState>> {
  const found = new Map<string, SlurmJobState>();
  for (let at = 0; at < names.length; at += 200) {
    const out = await slurm('squeue', [
      '-h',
      '-a',
      '-t',
      'all',
      `--name=${names.slice(at, at + 200).join(',')}`,
      '-o',
      FIELDS,
    ]);
    for (const line of out.split('\n')) {
      const [id, name, state, reason, partition, nodes] = line.split('|');
      if (!id || !name || !state) continue;
      const job = {
        id: Number(id),
        name,
        state,
        reason: reason ?? '',
        partition: partition ?? '',
        nodes: nodes ?? '',
        exitCode: '',
      };
      const known = found.get(name);
      if (!known || known.id < job.id) found.set(name, job);
    }
  }
  return found;
}

export const scancel = (id: number, signal?: 'TERM' | 'KILL'): Promise<string> =>
  slurm('scancel', signal ? ['-s', signal, String(id)] : [String(id)]).catch(() => '');

/** Cancels the job of that name (ours are unique per data dir) when its id is not known. */
export const scancelByName = (name: string): Promise<string> =>
  slurm('scancel', ['--name', name]).catch(() => '');

const ENDED = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TIMEOUT',
  'NODE_FAIL',
  'OUT_OF_MEMORY',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'REVOKED',
  'SPECIAL_EXIT',
]);
export const slurmJobEnded = (state: string): boolean => ENDED.has(state);

/** Slurm's pending reasons in words, for the job detail of a waiting job. */
export function pendingReason(reason: string, partition: string): string {
  const where = partition ? ` in partition ${partition}` : '';
  const words: Record<string, string> = {
    Resources: `waiting for resources${where}`,
    Priority: `waiting behind jobs of higher priority${where}`,
    PartitionNodeLimit: `the job needs more nodes than partition ${partition} allows`,
    PartitionDown: `partition ${partition} is down`,
    ReqNodeNotAvail: `the nodes it needs${where} are not available`,
    BeginTime: 'waiting for its start time',
    JobHeldUser: 'held by its user',
    JobHeldAdmin: 'held by an administrator',
    Dependency: 'waiting for another job',
    None: `queued${where}`,
  };
  return words[reason] ?? `waiting${where} (Slurm reason: ${reason})`;
}
