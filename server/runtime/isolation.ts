import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { TaskIsolationInfo } from '../../contract/api-types.ts';
import { ConfigError } from '../config-error.ts';
import { Cgroups } from './cgroups.ts';

export type IsolationSetting = 'auto' | 'required' | 'none';

export function parseIsolationSetting(text: string | undefined): IsolationSetting {
  const value = text ?? 'auto';
  if (value !== 'auto' && value !== 'required' && value !== 'none')
    throw new ConfigError('PAI_TASK_ISOLATION', `"${value}" is not one of: auto, required, none.`);
  return value;
}

const INSTALL =
  'install bubblewrap and util-linux (Debian/Ubuntu: `apt-get install bubblewrap util-linux`)';

/** What the machine lets this server do to isolate tasks, found once at start. */
export interface Isolation {
  info: TaskIsolationInfo;
  /** True when tasks run in a sandbox (their own namespaces; their own uid as root). */
  sandboxed: boolean;
  /** The server runs as root: tasks get uids from PAI_TASK_UID_RANGE. */
  asRoot: boolean;
  cgroups: Cgroups | null;
}

const works = (file: string, args: string[]): string | null => {
  const result = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
  if (result.error) return `${file} is missing (${(result.error as NodeJS.ErrnoException).code})`;
  if (result.status !== 0) return `${file} fails: ${result.stderr.toString().trim()}`;
  return null;
};

/** Runs a throw-away sandbox the way tasks are run; null when it works, else why not. */
function sandboxProblem(asRoot: boolean, bwrap: string): string | null {
  for (const [file, args] of [
    ['setpriv', ['--version']],
    ['nsenter', ['--version']],
    [bwrap, ['--version']],
  ] as const) {
    const missing = works(file, [...args]);
    if (missing) return `${missing}; ${INSTALL}`;
  }
  const userns = asRoot ? [] : ['--unshare-user'];
  const failed = works(bwrap, [
    ...['--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', '--tmpfs', tmpdir()],
    ...['--unshare-pid', '--unshare-ipc', '--unshare-uts', ...userns, 'true'],
  ]);
  if (!failed) return null;
  return asRoot
    ? `bubblewrap cannot create namespaces here (${failed})`
    : `bubblewrap cannot create user namespaces without root (${failed}); run the server as root, or allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)`;
}

/** Probes the machine and applies PAI_TASK_ISOLATION; `required` without isolation throws. */
export function probeIsolation(setting: IsolationSetting, tag: string, bwrap: string): Isolation {
  const asRoot = process.getuid?.() === 0;
  const cgroups = Cgroups.detect(tag);
  const unenforced =
    cgroups instanceof Error
      ? [`memoryMB, cpuNumber and the process limit (${cgroups.message})`]
      : cgroups.missing;
  const problem = setting === 'none' ? null : sandboxProblem(asRoot, bwrap);
  if (setting === 'required' && problem)
    throw new ConfigError(
      'PAI_TASK_ISOLATION',
      `is "required" but tasks cannot be isolated: ${problem}.`,
    );
  const mode = setting === 'none' ? 'none' : problem ? 'admins-only' : 'isolated';
  return {
    info: { setting, mode, problem, unenforcedLimits: unenforced, asRoot },
    sandboxed: mode === 'isolated',
    asRoot,
    cgroups: cgroups instanceof Error ? null : cgroups,
  };
}

/** Why a non-admin's job cannot run when tasks cannot be isolated: at submit, and at launch. */
export const adminsOnlyRefusal = (problem: string | null): string =>
  `This server cannot isolate jobs from each other, so only administrators can run jobs: ${problem}. Ask an administrator to fix this and restart the server.`;

/** Why the Slurm runtime cannot isolate tasks (its mode is always `none`). */
export const SLURM_UNISOLATED =
  "Slurm tasks run as the Slurm service account, unisolated: every user's tasks share that account on the nodes and can read, change or kill each other's files and processes";

/** PAI_TASK_ISOLATION on the Slurm runtime: `required` cannot hold, so the server does not start. */
export function slurmIsolation(setting: IsolationSetting): TaskIsolationInfo {
  if (setting === 'required')
    throw new ConfigError(
      'PAI_TASK_ISOLATION',
      `is "required" but ${SLURM_UNISOLATED}; use PAI_RUNTIME=local for isolated tasks.`,
    );
  return {
    setting,
    mode: 'none',
    problem: SLURM_UNISOLATED,
    unenforcedLimits: [],
    asRoot: process.getuid?.() === 0,
  };
}

/** What to print at start: nothing when all is well. */
export function isolationWarnings(info: TaskIsolationInfo): string[] {
  const warnings: string[] = [];
  if (info.mode === 'none' && info.problem) warnings.push(`WARNING: ${info.problem}.`);
  else if (info.mode === 'none')
    warnings.push(
      "WARNING: PAI_TASK_ISOLATION=none: every job runs unisolated, as this server's own user, and can read its secrets and database. Use this only when you are the one user.",
    );
  if (info.mode === 'admins-only')
    warnings.push(
      `WARNING: tasks cannot be isolated on this machine: ${info.problem}. Only administrators can run jobs until this is fixed.`,
    );
  for (const limit of info.unenforcedLimits)
    warnings.push(`WARNING: this machine cannot enforce ${limit}.`);
  return warnings;
}
