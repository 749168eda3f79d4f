import { describe, expect, it } from 'vitest';
import { describeSubmitFailure } from './submit-failure.ts';
import { markersFor, rememberNodes, ruleProblems, unresolved } from './problem-markers.ts';

const text = `{
  "jobName": "a",
  "image": "x",
  "virtualCluster": "nope",
  "taskRoles": [{"name": "w", "command": "c", "memoryMB": 50, "shmMB": 64}]
}`;

describe('describeSubmitFailure', () => {
  it('uses the problems the server sends as data, even where the message could not be split', () => {
    const failure = describeSubmitFailure({
      status: 400,
      code: 'InvalidParametersError',
      message: 'a sentence; with a semicolon',
      problems: [
        { path: 'taskRoles[0].memoryMB', message: 'a sentence; with a semicolon' },
        { path: '', message: 'The job as a whole' },
      ],
    });
    if (failure.kind !== 'invalid') throw new Error(failure.kind);
    expect(failure.problems).toEqual([
      { path: ['taskRoles', 0, 'memoryMB'], message: 'a sentence; with a semicolon' },
      { path: null, message: 'The job as a whole' },
    ]);
    const [marker] = markersFor(text, failure.problems);
    expect(text.slice(marker!.offset, marker!.offset + marker!.length)).toBe('50');
  });

  it('turns a validation error into problems marked at their JSON path', () => {
    const failure = describeSubmitFailure({
      status: 400,
      code: 'InvalidParametersError',
      message: 'taskRoles[0].memoryMB must be >= 100',
    });
    expect(failure.kind).toBe('invalid');
    if (failure.kind !== 'invalid') return;
    const [marker] = markersFor(text, failure.problems);
    expect(text.slice(marker!.offset, marker!.offset + marker!.length)).toBe('50');
    expect(marker!.message).toBe('taskRoles[0].memoryMB must be >= 100');
  });

  it('marks the parent of a missing required field', () => {
    const failure = describeSubmitFailure({
      status: 400,
      code: 'InvalidParametersError',
      message: 'taskRoles[0].gpuType is required',
    });
    if (failure.kind !== 'invalid') throw new Error(failure.kind);
    const [marker] = markersFor(text, failure.problems);
    expect(text.slice(marker!.offset, marker!.offset + 1)).toBe('{');
  });

  it('keeps a message that names no field without a place', () => {
    const failure = describeSubmitFailure({
      status: 400,
      code: 'InvalidParametersError',
      message:
        'The job needs 64 vCores (all tasks together) but virtual cluster default has 2 vCores in total.',
    });
    if (failure.kind !== 'invalid') throw new Error(failure.kind);
    expect(failure.problems).toEqual([{ path: null, message: failure.message }]);
    expect(markersFor(text, failure.problems)).toEqual([]);
  });

  it('knows a name conflict and an unknown or forbidden virtual cluster', () => {
    expect(
      describeSubmitFailure({
        status: 409,
        code: 'ConflictJobError',
        message: 'Job name a already exists',
      }).kind,
    ).toBe('name-taken');
    expect(
      describeSubmitFailure({
        status: 404,
        code: 'NoVirtualClusterError',
        message: 'Virtual cluster nope is not found.',
      }).kind,
    ).toBe('virtual-cluster');
    expect(
      describeSubmitFailure({
        status: 403,
        code: 'ForbiddenUserError',
        message: 'User alice is not allowed to use virtual cluster gpu.',
      }).kind,
    ).toBe('virtual-cluster');
    expect(describeSubmitFailure({ status: 500, code: 'UnknownError', message: 'boom' })).toEqual({
      kind: 'other',
      message: 'boom',
    });
  });
});

describe('ruleProblems', () => {
  it('finds what JSON Schema cannot and marks it', () => {
    const withBigShm = text.replace('"memoryMB": 50, "shmMB": 64', '"memoryMB": 200, "shmMB": 300');
    const problems = ruleProblems(JSON.parse(withBigShm) as unknown);
    expect(problems.map((problem) => problem.path)).toEqual([['taskRoles', 0, 'shmMB']]);
    const [marker] = markersFor(withBigShm, problems);
    expect(withBigShm.slice(marker!.offset, marker!.offset + marker!.length)).toBe('300');
  });
});

describe('unresolved server problems', () => {
  it('keep their mark until the person edits the value', () => {
    const answered = rememberNodes(text, [
      { path: ['taskRoles', 0, 'memoryMB'], message: 'too small' },
    ]);
    const unrelatedEdit = text.replace('"image": "x"', '"image": "y"');
    expect(unresolved(unrelatedEdit, answered)).toHaveLength(1);
    expect(unresolved(text.replace('"memoryMB": 50', '"memoryMB": 500'), answered)).toHaveLength(0);
  });
});
