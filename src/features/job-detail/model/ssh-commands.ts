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
}

export function hostAlias(owner: string, jobName: string, role: string, index: number): string {
  return `pai-${owner}-${jobName}-${role}-${index}`.replace(/[^\w.-]/g, '-');
}

/** Quotes a path for a POSIX shell when it needs it. */
const shellQuote = (value: string) =>
  /^[\w./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

export function sshSteps(target: SshTarget) {
  const key = shellQuote(target.keyFile);
  return {
    chmod: `chmod 400 ${key}`,
    ssh: `ssh -i ${key} -p ${target.port} ${target.user}@${target.ip}`,
    /** A `~/.ssh/config` block for `ssh <alias>` and VS Code Remote-SSH ("Connect to Host…"). */
    sshConfig: [
      `Host ${target.hostAlias}`,
      `  HostName ${target.ip}`,
      `  Port ${target.port}`,
      `  User ${target.user}`,
      `  IdentityFile ~/.ssh/${target.keyFile}`,
      '  IdentitiesOnly yes',
      '  # Tasks are short-lived and their ports are reused: do not pin their host keys.',
      '  StrictHostKeyChecking no',
      '  UserKnownHostsFile /dev/null',
    ].join('\n'),
  };
}
