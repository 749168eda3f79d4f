import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair } from './openssh-key.ts';

const rawPublicKey = (publicKey: string) =>
  Buffer.from(publicKey.split(' ')[1]!, 'base64').subarray(19);

describe('OpenSSH ed25519 key pairs', () => {
  it('writes keys that ssh-keygen and ssh2 read, also when the public key starts with a zero byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pai-keys-'));
    try {
      const keyFile = join(dir, 'key');
      let checkedLeadingZero = false;
      for (let i = 0; i < 20_000 && !checkedLeadingZero; i++) {
        const pair = generateEd25519KeyPair(`alice~job${i}`);
        const startsWithZero = rawPublicKey(pair.publicKey)[0] === 0;
        if (i > 3 && !startsWithZero) continue;
        writeFileSync(keyFile, pair.privateKey, { mode: 0o600 });
        expect(execFileSync('ssh-keygen', ['-y', '-f', keyFile]).toString().trim()).toBe(
          pair.publicKey,
        );
        const parsedPublic = ssh2.utils.parseKey(pair.publicKey);
        const parsedPrivate = ssh2.utils.parseKey(pair.privateKey);
        expect(parsedPublic).not.toBeInstanceOf(Error);
        expect(parsedPrivate).not.toBeInstanceOf(Error);
        expect(rawPublicKey(pair.publicKey)).toHaveLength(32);
        checkedLeadingZero = startsWithZero;
      }
      expect(checkedLeadingZero).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
