import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ssh2, { type ParsedKey } from 'ssh2';
import { generateEd25519KeyPair } from './openssh-key.ts';

const { utils } = ssh2;

export interface JobKeyPair {
  folderPath: string;
  publicKeyFileName: string;
  privateKeyFileName: string;
}

/** Key files are named after the framework (docs/api.md §5.6): `alice~job1` and `alice~job1.pub`. */
export function jobKeyPair(sshDir: string, frameworkName: string): JobKeyPair {
  return {
    folderPath: sshDir,
    publicKeyFileName: `${frameworkName}.pub`,
    privateKeyFileName: frameworkName,
  };
}

function writeKeyPair(privatePath: string, publicPath: string, comment: string): void {
  mkdirSync(dirname(privatePath), { recursive: true, mode: 0o700 });
  const generated = generateEd25519KeyPair(comment);
  writeFileSync(privatePath, generated.privateKey, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(publicPath, `${generated.publicKey}\n`, { mode: 0o644 });
}

/** Creates the job's ed25519 key pair (OpenSSH format) unless it exists. */
export function ensureJobKeyPair(pair: JobKeyPair): void {
  const privatePath = join(pair.folderPath, pair.privateKeyFileName);
  if (!existsSync(privatePath))
    writeKeyPair(
      privatePath,
      join(pair.folderPath, pair.publicKeyFileName),
      pair.privateKeyFileName,
    );
}

export function readPublicKey(pair: JobKeyPair): ParsedKey {
  const parsed = utils.parseKey(readFileSync(join(pair.folderPath, pair.publicKeyFileName)));
  if (parsed instanceof Error) throw parsed;
  return Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
}

/** The server's SSH host key, created on first use. */
export function ensureHostKey(path: string): Buffer {
  if (!existsSync(path)) writeKeyPair(path, `${path}.pub`, 'pai-portal-host');
  return readFileSync(path);
}

/**
 * The host key's public half as a known_hosts key field (`ssh-ed25519 AAAA…`), served in the SSH
 * info (docs/api.md §5.6) so that clients can check the host without asking anyone.
 */
export function hostPublicKey(hostKey: Buffer): string | undefined {
  if (hostKey.length === 0) return undefined;
  const parsed = utils.parseKey(hostKey);
  if (parsed instanceof Error) return undefined;
  const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
  return `${key.type} ${key.getPublicSSH().toString('base64')}`;
}
