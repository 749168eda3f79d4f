import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The uid and gid a task runs as; null keeps the server's own (a server not run as root). */
export type TaskIdentity = { uid: number; gid: number } | null;

/** File descriptors the task wrapper opens for the sandbox (see task-wrapper.pl). */
export const STATUS_FD = 3;
export const INFO_FD = 4;

/**
 * Runs the command as a child and writes how it ended ("exit N" / "signal N") to STATUS_FD: seen
 * from outside, bubblewrap turns a death by signal N into exit 128+N. It is inline so that a task
 * user who cannot read the server's install directory can still run it.
 */
const STATUS_RECORDER = `
use POSIX ();
$SIG{TERM} = 'IGNORE';
my $fd = shift;
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) { $SIG{TERM} = 'DEFAULT'; POSIX::close($_) for ($fd, ${INFO_FD}); exec { $ARGV[0] } @ARGV or exit 127; }
waitpid($pid, 0);
my $s = $?;
if (open(my $out, '>&=', $fd)) { print $out (($s & 127) ? 'signal ' . ($s & 127) : 'exit ' . ($s >> 8)), "\\n"; close $out; }
exit(($s & 127) ? 128 + ($s & 127) : $s >> 8);
`;

/** Drops to the task's identity: no capabilities, no setuid gains, no supplementary groups. */
function dropPrivileges(identity: TaskIdentity): string[] {
  const setIds = identity
    ? [`--reuid=${identity.uid}`, `--regid=${identity.gid}`, '--clear-groups']
    : [];
  return ['setpriv', ...setIds, '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--'];
}

/** GPU device nodes, bound into the sandbox when the machine has them. */
function gpuDevices(): string[] {
  try {
    return readdirSync('/dev')
      .filter((name) => /^nvidia/.test(name))
      .flatMap((name) => ['--dev-bind', `/dev/${name}`, `/dev/${name}`]);
  } catch {
    return [];
  }
}

export interface SandboxPlan {
  dataDir: string;
  /** The job owner's own files, shown at the data dir's path in place of the server's. */
  userFilesDir: string;
  workDir: string;
  identity: TaskIdentity;
  containerId: string;
  /** The bubblewrap program (PAI_BWRAP). */
  bwrap: string;
}

/**
 * bubblewrap around `argv`: the system read-only; at the data dir's path only the owner's own
 * files (kept across retries and shared by their jobs) and the task's working directory, none of
 * the server's; a private /tmp; its own PID, IPC and UTS namespaces and /proc (it sees none of
 * the server's processes); and the task's identity.
 */
export function sandboxArgv(plan: SandboxPlan, argv: string[]): string[] {
  // The work dir's parents, made inside the sandbox (so a symlink the user planted in their own
  // files reaches nothing else) and readable, so that getcwd() works for the task's user.
  let parent = plan.dataDir;
  const parents = relative(plan.dataDir, dirname(plan.workDir))
    .split('/')
    .filter(Boolean)
    .flatMap((part) => ['--perms', '0755', '--dir', (parent = join(parent, part))]);
  return [
    plan.bwrap,
    ...['--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', ...gpuDevices()],
    ...['--perms', '1777', '--tmpfs', '/tmp', '--perms', '1777', '--tmpfs', '/dev/shm'],
    ...['--bind', plan.userFilesDir, plan.dataDir, ...parents],
    ...['--bind', plan.workDir, plan.workDir],
    ...['--chdir', plan.workDir],
    ...['--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try'],
    ...(plan.identity ? [] : ['--unshare-user']),
    // Only what runs the command carries the container id (task-wrapper.pl drops it for bwrap).
    ...['--setenv', 'PAI_CONTAINER_ID', plan.containerId, '--info-fd', String(INFO_FD), '--'],
    ...dropPrivileges(plan.identity),
    ...['perl', '-e', STATUS_RECORDER, String(STATUS_FD), ...argv],
  ];
}

/** nsenter into a running task's namespaces, then its identity: an SSH session is the task. */
export function sessionArgv(
  namespacePid: number,
  workDir: string,
  identity: TaskIdentity,
  argv: string[],
): string[] {
  const user = identity ? [] : ['--user', '--preserve-credentials'];
  return [
    'nsenter',
    `--target=${namespacePid}`,
    ...[...user, '--mount', '--pid', '--ipc', '--uts', `--wdns=${workDir}`],
    '--',
    ...dropPrivileges(identity),
    ...argv,
  ];
}

/** Joins the cgroups whose `cgroup.procs` files are given, then execs the rest of argv. */
export function joinCgroupsArgv(procsFiles: string[], argv: string[]): string[] {
  if (procsFiles.length === 0) return argv;
  const join =
    'while (@ARGV && $ARGV[0] ne "--") { my $f = shift; open(my $h, ">", $f) or die "$f: $!"; print $h "$$\\n"; close $h or die "$f: $!"; } shift; exec { $ARGV[0] } @ARGV or die "$ARGV[0]: $!";';
  return ['perl', '-e', join, ...procsFiles, '--', ...argv];
}

/**
 * The host pid of the sandbox's init (bubblewrap's --info-fd report), once it has started and
 * while it is still this task's (`bwrap`, with this task's container id in its arguments).
 */
export function sandboxInitPid(
  infoFile: string,
  containerId: string,
  bwrap: string,
): number | null {
  try {
    const pid = (JSON.parse(readFileSync(infoFile, 'utf8')) as { 'child-pid'?: number })[
      'child-pid'
    ];
    if (typeof pid !== 'number') return null;
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv[0] === bwrap && argv.includes(containerId) ? pid : null;
  } catch {
    return null;
  }
}
