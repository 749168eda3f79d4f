import { describe, expect, it } from 'vitest';
import { checkJobConfigRules } from './job-config-rules.ts';
import { JobConfigError, pathFromPointer, pathSegments } from './validation-problem.ts';

const config = (...taskRoles: Record<string, unknown>[]) => ({
  jobName: 'j',
  image: 'i',
  taskRoles,
});
const role = (fields: Record<string, unknown> = {}) => ({
  name: 'worker',
  command: 'true',
  ...fields,
});

describe('checkJobConfigRules', () => {
  it('accepts a config within the rules', () => {
    expect(
      checkJobConfigRules(
        config(role({ taskNumber: 3, minSucceededTaskCount: 3, shmMB: 100, memoryMB: 100 })),
      ),
    ).toEqual([]);
  });

  it('caps the ports of one task at 100, counting the ssh and http ports always added', () => {
    const ports = (portNumber: number) => ({ portList: [{ label: 'web', portNumber }] });
    expect(checkJobConfigRules(config(role(ports(98))))).toEqual([]);
    expect(checkJobConfigRules(config(role(ports(99))))).toEqual([
      {
        path: 'taskRoles[0].portList',
        message:
          'taskRoles[0].portList gives each task 101 ports (counting ssh and http); at most 100 are allowed',
      },
    ]);
  });

  it('rejects shmMB above memoryMB, at the shmMB path', () => {
    expect(checkJobConfigRules(config(role({ memoryMB: 1000, shmMB: 1001 })))).toEqual([
      {
        path: 'taskRoles[0].shmMB',
        message: 'taskRoles[0].shmMB must be <= taskRoles[0].memoryMB (1000)',
      },
    ]);
  });

  it('counts absent fields with their defaults (memoryMB 100, taskNumber 1)', () => {
    expect(checkJobConfigRules(config(role({ shmMB: 101 })))[0]?.message).toContain('(100)');
    expect(checkJobConfigRules(config(role({ minSucceededTaskCount: 2 })))[0]?.path).toBe(
      'taskRoles[0].minSucceededTaskCount',
    );
  });

  it('rejects min task counts above taskNumber', () => {
    const problems = checkJobConfigRules(
      config(
        role(),
        role({ name: 'ps', taskNumber: 2, minFailedTaskCount: 3, minSucceededTaskCount: 5 }),
      ),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'taskRoles[1].minFailedTaskCount must be <= taskRoles[1].taskNumber (2)',
      'taskRoles[1].minSucceededTaskCount must be <= taskRoles[1].taskNumber (2)',
    ]);
  });

  it('allows null min task counts', () => {
    expect(
      checkJobConfigRules(config(role({ minFailedTaskCount: null, minSucceededTaskCount: null }))),
    ).toEqual([]);
  });

  it('rejects duplicate task-role names at the later one', () => {
    expect(checkJobConfigRules(config(role(), role({ name: 'ps' }), role()))).toEqual([
      {
        path: 'taskRoles[2].name',
        message: 'taskRoles[2].name must be unique: "worker" is also the name of taskRoles[0]',
      },
    ]);
  });

  it('leaves values the schema rejects to the schema', () => {
    expect(checkJobConfigRules(config(role({ memoryMB: 63 })))).toEqual([]);
    expect(checkJobConfigRules(config(role({ taskNumber: 0 })))).toEqual([]);
  });

  it('leaves wrongly typed input to the schema instead of throwing', () => {
    for (const input of [
      null,
      3,
      'x',
      [],
      {},
      { taskRoles: 'x' },
      { taskRoles: [null, 1, { memoryMB: 'a', shmMB: {} }] },
    ]) {
      expect(checkJobConfigRules(input)).toEqual([]);
    }
  });
});

describe('validation paths', () => {
  it('turn JSON pointers into paths and back into segments', () => {
    expect(pathFromPointer('/taskRoles/0/memoryMB')).toBe('taskRoles[0].memoryMB');
    expect(pathFromPointer('/jobEnvs/a~1b c')).toBe('jobEnvs["a/b c"]');
    expect(pathFromPointer('')).toBe('');
    expect(pathSegments('taskRoles[0].portList[1].label')).toEqual([
      'taskRoles',
      0,
      'portList',
      1,
      'label',
    ]);
    expect(pathSegments('jobEnvs["a/b c"]')).toEqual(['jobEnvs', 'a/b c']);
  });

  it('JobConfigError carries every problem and joins their messages', () => {
    const error = new JobConfigError([
      { path: 'jobName', message: 'jobName is required' },
      { path: 'image', message: 'image must not be empty' },
    ]);
    expect(error.problems).toHaveLength(2);
    expect(error.message).toBe('jobName is required; image must not be empty');
  });
});
