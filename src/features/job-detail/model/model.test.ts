import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../../../contract/api-types.ts';
import { highlight, isCut, logLines, searchLines } from './log-text.ts';
import { hostAlias, sshSteps } from './ssh-commands.ts';
import { countByState, gpuIndices } from './task-summary.ts';

describe('sshSteps', () => {
  const target = {
    user: 'alice',
    ip: '127.0.0.1',
    port: '40022',
    keyFile: 'alice~train',
    hostAlias: hostAlias('alice', 'train', 'worker', 0),
  };

  const hostPublicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKey';

  it('gives the commands of the numbered steps, checking the host against its published key', () => {
    const steps = sshSteps({ ...target, hostPublicKey });
    expect(steps.chmod).toBe('chmod 400 alice~train');
    expect(steps.knownHosts).toBe(
      `echo '127.0.0.1,[127.0.0.1]:* ${hostPublicKey}' > alice~train.known_hosts`,
    );
    expect(steps.ssh).toBe(
      'ssh -i alice~train -p 40022 -o UserKnownHostsFile=alice~train.known_hosts -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes alice@127.0.0.1',
    );
  });

  it('without a published host key, skips the check instead of prompting', () => {
    const steps = sshSteps(target);
    expect(steps.knownHosts).toBeNull();
    expect(steps.ssh).toBe(
      'ssh -i alice~train -p 40022 -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o IdentitiesOnly=yes alice@127.0.0.1',
    );
    expect(steps.sshConfig).toContain('  StrictHostKeyChecking no');
  });

  it('quotes a key file name the shell would split', () => {
    const steps = sshSteps({ ...target, keyFile: "my key's", hostPublicKey });
    expect(steps.ssh).toMatch(
      /^ssh -i 'my key'\\''s' -p 40022 -o UserKnownHostsFile='my key'\\''s.known_hosts' /,
    );
    expect(steps.knownHosts).toMatch(/ > 'my key'\\''s.known_hosts'$/);
  });

  it('writes a ~/.ssh/config block for VS Code Remote-SSH', () => {
    const block = sshSteps({ ...target, hostPublicKey }).sshConfig;
    expect(block.split('\n')[0]).toBe('Host pai-alice-train-worker-0');
    expect(block).toContain('  Port 40022');
    expect(block).toContain('  IdentityFile ~/.ssh/alice~train');
    expect(block).toContain('  UserKnownHostsFile ~/.ssh/alice~train.known_hosts');
    expect(block).toContain('  StrictHostKeyChecking yes');
  });
});

describe('task summary', () => {
  it('reads GPU indices from the bitmask', () => {
    expect(gpuIndices(0b101)).toEqual([0, 2]);
    expect(gpuIndices(0)).toEqual([]);
    expect(gpuIndices(null)).toEqual([]);
    expect(gpuIndices(2 ** 40)).toEqual([40]);
  });

  it('counts tasks by state', () => {
    const task = (taskState: TaskStatus['taskState']) => ({ taskState }) as TaskStatus;
    expect(countByState([task('SUCCEEDED'), task('RUNNING'), task('SUCCEEDED')])).toEqual([
      { state: 'RUNNING', count: 1 },
      { state: 'SUCCEEDED', count: 2 },
    ]);
  });
});

describe('log text', () => {
  it('drops the cut first line of a tail, not of a whole log', () => {
    expect(logLines('ial line\nsecond\nthird\n', false).map((line) => line.text)).toEqual([
      'second',
      'third',
    ]);
    expect(logLines('first\nsecond\n', true).map((line) => line.text)).toEqual(['first', 'second']);
    expect(logLines('', true)).toEqual([]);
  });

  it('searches case-insensitively and highlights matches', () => {
    const lines = logLines('Epoch 1 loss 0.5\nepoch 2 loss 0.4\nsaved\n', true);
    expect(searchLines(lines, 'EPOCH').map((line) => line.number)).toEqual([1, 2]);
    expect(highlight('Epoch 1 epoch', 'epoch')).toEqual([
      { text: 'Epoch', match: true },
      { text: ' 1 ', match: false },
      { text: 'epoch', match: true },
    ]);
  });

  it('knows a tail was cut by its size in bytes', () => {
    expect(isCut('é'.repeat(4), 8)).toBe(true);
    expect(isCut('abc', 8)).toBe(false);
  });
});
