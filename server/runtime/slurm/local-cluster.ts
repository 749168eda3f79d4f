import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** A single-host Slurm cluster for development and tests: 3 nodes × 4 CPUs, 8 GB, 4 fake GPUs. */
export interface LocalClusterOptions {
  dir: string;
  /** slurmctld listens here; the three slurmd on the next three ports. */
  basePort: number;
  nodes?: number;
}

export const DEFAULT_SLURM_PORT = 16817;
const NODE_CPUS = 4;
const NODE_MEMORY_MB = 8192;
const NODE_GPUS = 4;
export const PACKAGES = 'slurmctld slurmd slurm-client munge';
const BINARIES = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scancel'];

const which = (name: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${name} || test -x /usr/sbin/${name}`]).status === 0;

/** Why the local cluster cannot start here, or null when it can. */
export function localClusterUnavailable(): string | null {
  const missing = BINARIES.filter((name) => !which(name));
  if (missing.length > 0)
    return `Slurm is not installed (missing ${missing.join(', ')}): apt-get install -y --no-install-recommends ${PACKAGES}`;
  if (process.getuid?.() !== 0)
    return 'the local Slurm cluster must be started as root (slurmd runs jobs as their users)';
  return null;
}

const paths = (dir: string) => ({
  conf: join(dir, 'etc', 'slurm.conf'),
  gres: join(dir, 'etc', 'gres.conf'),
  mungeKey: join(dir, 'munge', 'munge.key'),
  mungeSocket: join(dir, 'run', 'munge.sock'),
  mungePid: join(dir, 'run', 'munged.pid'),
  ctldPid: join(dir, 'run', 'slurmctld.pid'),
  slurmdPid: (node: string) => join(dir, 'run', `slurmd-${node}.pid`),
});

function slurmConf(dir: string, basePort: number, nodes: number): string {
  const p = paths(dir);
  const last = nodes;
  return `# Written by \`npm run slurm -- start\`; everything lives under ${dir}.
ClusterName=pai${basePort}
SlurmctldHost=${hostname().split('.')[0]}(127.0.0.1)
SlurmctldPort=${basePort}
SlurmdPort=${basePort + 1}
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=${p.mungeSocket}
CredType=cred/munge
StateSaveLocation=${dir}/state
SlurmdSpoolDir=${dir}/spool/%n
SlurmctldPidFile=${p.ctldPid}
SlurmdPidFile=${dir}/run/slurmd-%n.pid
SlurmctldLogFile=${dir}/log/slurmctld.log
SlurmdLogFile=${dir}/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1024
SlurmdParameters=config_overrides
GresTypes=gpu
SchedulerParameters=bf_interval=1
JobCompType=jobcomp/filetxt
JobCompLoc=${dir}/log/jobcomp.txt
AccountingStorageType=accounting_storage/none
MinJobAge=3600
KillWait=5
ReturnToService=2
MpiDefault=none
NodeName=n[1-${last}] NodeHostname=localhost NodeAddr=127.0.0.1 Port=[${basePort + 1}-${basePort + last}] CPUs=${NODE_CPUS} RealMemory=${NODE_MEMORY_MB} Gres=gpu:${NODE_GPUS} State=UNKNOWN
PartitionName=batch Nodes=n[1-${last}] Default=YES MaxTime=INFINITE State=UP
`;
}

function writeFiles(dir: string, basePort: number, nodes: number): void {
  const p = paths(dir);
  for (const sub of ['etc', 'munge', 'run', 'state', 'log', 'dev', 'spool'])
    mkdirSync(join(dir, sub), { recursive: true });
  chmodSync(join(dir, 'munge'), 0o700);
  if (!existsSync(p.mungeKey)) writeFileSync(p.mungeKey, randomBytes(1024), { mode: 0o400 });
  // Fake GPUs must stat as character devices, or Slurm never sets CUDA_VISIBLE_DEVICES.
  for (let gpu = 0; gpu < NODE_GPUS; gpu++) {
    const device = join(dir, 'dev', `gpu${gpu}`);
    if (!existsSync(device)) symlinkSync('/dev/null', device);
  }
  writeFileSync(p.conf, slurmConf(dir, basePort, nodes));
  writeFileSync(
    p.gres,
    `AutoDetect=off\nNodeName=n[1-${nodes}] Name=gpu File=${dir}/dev/gpu[0-${NODE_GPUS - 1}]\n`,
  );
}

const run = (file: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** Starts munged, slurmctld and one slurmd per node; resolves once every node is idle. */
export async function startLocalCluster(options: LocalClusterOptions): Promise<string> {
  const why = localClusterUnavailable();
  if (why) throw new Error(why);
  const dir = resolve(options.dir);
  const nodes = options.nodes ?? 3;
  stopLocalCluster(dir);
  writeFiles(dir, options.basePort, nodes);
  const p = paths(dir);
  const env = { ...process.env, SLURM_CONF: p.conf };
  run('munged', [
    `--socket=${p.mungeSocket}`,
    `--key-file=${p.mungeKey}`,
    `--pid-file=${p.mungePid}`,
    `--log-file=${join(dir, 'log', 'munged.log')}`,
    `--seed-file=${join(dir, 'munge', 'munged.seed')}`,
    '--force',
  ]);
  run('slurmctld', ['-c', '-f', p.conf], env);
  for (let node = 1; node <= nodes; node++) run('slurmd', ['-N', `n${node}`, '-f', p.conf], env);
  const deadline = Date.now() + 30_000;
  for (;;) {
    let states = '';
    try {
      states = run('sinfo', ['-h', '-N', '-o', '%T'], env);
    } catch {
      // slurmctld is not answering yet.
    }
    const lines = states.trim().split('\n').filter(Boolean);
    if (lines.length === nodes && lines.every((state) => state === 'idle')) return p.conf;
    if (Date.now() > deadline)
      throw new Error(`the nodes did not become idle within 30 s (sinfo: ${states.trim()})`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

function killByPidFile(pidFile: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Not running.
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
    spawnSync('sleep', ['0.05']);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone.
  }
  rmSync(pidFile, { force: true });
}

/** Stops the daemons by their pid files (never by name: other clusters may run on this host). */
export function stopLocalCluster(dirOption: string, nodes = 3): void {
  const dir = resolve(dirOption);
  const p = paths(dir);
  for (let node = 1; node <= nodes; node++) killByPidFile(p.slurmdPid(`n${node}`));
  killByPidFile(p.ctldPid);
  killByPidFile(p.mungePid);
}

export const localClusterConf = (dir: string): string => paths(resolve(dir)).conf;
