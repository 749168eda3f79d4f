import { describe, expect, it } from 'vitest';
import { PaiError } from '../errors.ts';
import { validateJobConfig } from './job-config.ts';

const valid = () => ({
  jobName: 'mnist_1.0-a',
  image: 'openpai/pai.example.tensorflow',
  taskRoles: [{ name: 'worker', command: 'python train.py' }],
});

type Config = ReturnType<typeof valid> & Record<string, unknown>;
const role0 = (config: Config) => config.taskRoles[0] as Record<string, unknown>;

function messageOf(config: unknown): string {
  try {
    validateJobConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(PaiError);
    expect((error as PaiError).status).toBe(400);
    expect((error as PaiError).code).toBe('InvalidParametersError');
    return (error as PaiError).message;
  }
  throw new Error('the config was accepted');
}

/** [rule, change to a valid config, expected message]: one case per schema rule (docs/api.md §7). */
const rejected: [string, (config: Config) => void, string][] = [
  ['jobName required', (c) => delete (c as Partial<Config>).jobName, 'jobName is required'],
  ['jobName pattern', (c) => (c.jobName = 'a~b'), 'jobName must match ^[A-Za-z0-9\\-._]+$'],
  [
    'jobName not a dot path',
    (c) => (c.jobName = '..'),
    'jobName must not be "." or ".." or "__proto__" or "constructor" or "prototype"',
  ],
  [
    'jobName is a string',
    (c) => ((c as Record<string, unknown>).jobName = 5),
    'jobName must be a string',
  ],
  ['image required', (c) => delete (c as Partial<Config>).image, 'image is required'],
  ['image non-empty', (c) => (c.image = ''), 'image must not be empty'],
  ['taskRoles required', (c) => delete (c as Partial<Config>).taskRoles, 'taskRoles is required'],
  ['taskRoles non-empty', (c) => (c.taskRoles = []), 'taskRoles must have at least 1 item'],
  [
    'unknown top-level key',
    (c) => (c.hasGitHubPAT = true),
    'hasGitHubPAT is not allowed (unknown field)',
  ],
  ['retryCount >= -2', (c) => (c.retryCount = -3), 'retryCount must be >= -2'],
  ['retryCount integer', (c) => (c.retryCount = 1.5), 'retryCount must be an integer'],
  ['authFile string', (c) => (c.authFile = null), 'authFile must be a string'],
  ['virtualCluster string', (c) => (c.virtualCluster = 1), 'virtualCluster must be a string'],
  [
    'jobEnvs key pattern',
    (c) => (c.jobEnvs = { '-': 1 }),
    'jobEnvs["-"] is not allowed: keys must match \\w+',
  ],
  ['jobEnvs object', (c) => (c.jobEnvs = []), 'jobEnvs must be an object'],
  [
    'extras key pattern',
    (c) => (c.extras = { '+': 1 }),
    'extras["+"] is not allowed: keys must match [A-Za-z0-9._]+',
  ],
  ['task role name required', (c) => delete role0(c).name, 'taskRoles[0].name is required'],
  [
    'task role name pattern',
    (c) => (role0(c).name = 'a b'),
    'taskRoles[0].name must match ^[A-Za-z0-9._~]+$',
  ],
  ['command required', (c) => delete role0(c).command, 'taskRoles[0].command is required'],
  ['command non-empty', (c) => (role0(c).command = ''), 'taskRoles[0].command must not be empty'],
  ['taskNumber >= 1', (c) => (role0(c).taskNumber = 0), 'taskRoles[0].taskNumber must be >= 1'],
  ['cpuNumber >= 1', (c) => (role0(c).cpuNumber = 0), 'taskRoles[0].cpuNumber must be >= 1'],
  ['memoryMB >= 100', (c) => (role0(c).memoryMB = 99), 'taskRoles[0].memoryMB must be >= 100'],
  ['gpuNumber >= 0', (c) => (role0(c).gpuNumber = -1), 'taskRoles[0].gpuNumber must be >= 0'],
  [
    'shmMB <= memoryMB',
    (c) => Object.assign(role0(c), { memoryMB: 512, shmMB: 513 }),
    'taskRoles[0].shmMB must be <= taskRoles[0].memoryMB (512)',
  ],
  [
    'minFailedTaskCount >= 1',
    (c) => (role0(c).minFailedTaskCount = 0),
    'taskRoles[0].minFailedTaskCount must be >= 1',
  ],
  [
    'minSucceededTaskCount integer or null',
    (c) => (role0(c).minSucceededTaskCount = 'all'),
    'taskRoles[0].minSucceededTaskCount must be an integer or null',
  ],
  [
    'minFailedTaskCount <= taskNumber',
    (c) => Object.assign(role0(c), { taskNumber: 2, minFailedTaskCount: 3 }),
    'taskRoles[0].minFailedTaskCount must be <= taskRoles[0].taskNumber (2)',
  ],
  [
    'minSucceededTaskCount <= taskNumber',
    (c) => (role0(c).minSucceededTaskCount = 2),
    'taskRoles[0].minSucceededTaskCount must be <= taskRoles[0].taskNumber (1)',
  ],
  [
    'unique task-role names',
    (c) => c.taskRoles.push({ name: 'worker', command: 'x' }),
    'taskRoles[1].name must be unique: "worker" is also the name of taskRoles[0]',
  ],
  [
    'unknown task-role key',
    (c) => (role0(c).gpus = 1),
    'taskRoles[0].gpus is not allowed (unknown field)',
  ],
  ['portList array', (c) => (role0(c).portList = {}), 'taskRoles[0].portList must be an array'],
  [
    'port label required',
    (c) => (role0(c).portList = [{ beginAt: 0 }]),
    'taskRoles[0].portList[0].label is required',
  ],
  [
    'port label pattern',
    (c) => (role0(c).portList = [{ label: 'a/b' }]),
    'taskRoles[0].portList[0].label must match ^[A-Za-z0-9._~]+$',
  ],
  [
    'port beginAt range',
    (c) => (role0(c).portList = [{ label: 'a', beginAt: 70000 }]),
    'taskRoles[0].portList[0].beginAt must be <= 65535',
  ],
  [
    'unknown port key',
    (c) => (role0(c).portList = [{ label: 'a', protocol: 'tcp' }]),
    'taskRoles[0].portList[0].protocol is not allowed (unknown field)',
  ],
  [
    'config is an object',
    (c) => Object.setPrototypeOf(c, Array.prototype),
    'job config must be an object',
  ],
];

describe('job config validation', () => {
  it.each(rejected)('rejects: %s', (_rule, change, expected) => {
    const config = valid() as Config;
    change(config);
    expect(messageOf(config.constructor === Array ? [] : config)).toBe(expected);
  });

  it('refuses more than 100 ports for one task with a 400 that says so', () => {
    const config = valid();
    role0(config).portList = [{ label: 'p', beginAt: 0, portNumber: 5000 }];
    expect(messageOf(config)).toBe(
      'taskRoles[0].portList gives each task 5002 ports (counting ssh and http); at most 100 are allowed',
    );
  });

  it('lists every problem in one message', () => {
    const message = messageOf({
      jobName: '',
      taskRoles: [{ name: 'w', command: 'x', memoryMB: 1 }],
    });
    expect(message).toBe(
      'image is required; jobName must match ^[A-Za-z0-9\\-._]+$; taskRoles[0].memoryMB must be >= 100',
    );
  });

  it('fills in the defaults of docs/api.md §7', () => {
    const config = validateJobConfig(valid());
    expect(config).toMatchObject({
      authFile: '',
      dataDir: '',
      outputDir: '',
      codeDir: '',
      virtualCluster: 'default',
      gpuType: '',
      retryCount: 0,
    });
    expect(config.taskRoles[0]).toEqual({
      name: 'worker',
      command: 'python train.py',
      taskNumber: 1,
      cpuNumber: 1,
      memoryMB: 100,
      shmMB: 64,
      gpuNumber: 0,
      portList: [],
      minFailedTaskCount: 1,
      minSucceededTaskCount: null,
    });
  });

  it('accepts integers written as numeric strings, as Joi did', () => {
    const submitted = {
      ...valid(),
      retryCount: '-2',
      taskRoles: [
        {
          name: 'w',
          command: 'x',
          taskNumber: ' 4 ',
          portList: [{ label: 'http', portNumber: '2' }],
        },
      ],
    };
    const config = validateJobConfig(submitted);
    expect(config.retryCount).toBe(-2);
    expect(config.taskRoles[0]!.taskNumber).toBe(4);
    expect(config.taskRoles[0]!.portList[0]!.portNumber).toBe(2);
    expect(submitted.retryCount).toBe('-2');
    expect(messageOf({ ...valid(), retryCount: '1.5' })).toBe('retryCount must be an integer');
  });

  it('accepts any values in jobEnvs and extras, and keys that merely contain a word character', () => {
    const config = validateJobConfig({
      ...valid(),
      jobEnvs: { 'a-b': { nested: [1] }, x: null },
      extras: { 'tensorBoard.x': 1 },
    });
    expect(config.jobEnvs).toEqual({ 'a-b': { nested: [1] }, x: null });
  });
});
