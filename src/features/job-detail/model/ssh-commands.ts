/** Where one task serves SSH, and with which key. */
export interface SshTarget {
  /** Job owner: the name shown for the SSH user (the key decides who gets in). */
  user: string;
  ip: string;
  port: string;
  /** The private key's file name as the download saves it. */
  keyFile: string;
  /** A short, unique name for `~/.ssh/config`, e.g. `pai-alice-train-worker-0`. */
  hostAlias: string;
  /** The server's host key (`ssh-ed25519 AAAA…`, docs/api.md §5.6); absent from OpenPAI. */
  hostPublicKey?: string;
}

export function hostAlias(owner: string, jobName: string, role: string, index: number): string {
  return `pai-${owner}-${jobName}-${role}-${index}`.replace(/[^\w.-]/g, '-');
}

/** Quotes a path for a POSIX shell when it needs it. */
const shellQuote = (value: string) =>
  /^[\w./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * A known_hosts line for every SSH port of the host: all tasks share the server's host key, so
 * one line serves each task of the job, and no prompt asks about a new port.
 */
export function knownHostsLine(ip: string, hostPublicKey: string): string {
  return `${ip},[${ip}]:* ${hostPublicKey}`;
}

export function sshSteps(target: SshTarget) {
  const key = shellQuote(target.keyFile);
  const knownHostsFile = `${target.keyFile}.known_hosts`;
  const line = target.hostPublicKey && knownHostsLine(target.ip, target.hostPublicKey);
  // Without the host key (a real OpenPAI cluster), ssh cannot check the host; each task has its own.
  const hostOptions = line
    ? ['-o', `UserKnownHostsFile=${shellQuote(knownHostsFile)}`, '-o', 'StrictHostKeyChecking=yes']
    : ['-o', 'UserKnownHostsFile=/dev/null', '-o', 'StrictHostKeyChecking=no'];
  return {
    chmod: `chmod 400 ${key}`,
    /** Writes the host's known_hosts line beside the key; null when the server names no host key. */
    knownHosts: line ? `echo '${line}' > ${shellQuote(knownHostsFile)}` : null,
    ssh: [
      'ssh',
      ...['-i', key, '-p', target.port],
      ...hostOptions,
      ...['-o', 'IdentitiesOnly=yes'],
      `${target.user}@${target.ip}`,
    ].join(' '),
    /** A `~/.ssh/config` block for `ssh <alias>` and VS Code Remote-SSH ("Connect to Host…"). */
    sshConfig: [
      `Host ${target.hostAlias}`,
      `  HostName ${target.ip}`,
      `  Port ${target.port}`,
      `  User ${target.user}`,
      `  IdentityFile ~/.ssh/${target.keyFile}`,
      '  IdentitiesOnly yes',
      ...(line
        ? [`  UserKnownHostsFile ~/.ssh/${knownHostsFile}`, '  StrictHostKeyChecking yes']
        : [
            '  # This cluster does not name its host keys, and task ports are reused: do not pin them.',
            '  StrictHostKeyChecking no',
            '  UserKnownHostsFile /dev/null',
          ]),
    ].join('\n'),
  };
}
