import { describe, expect, it } from 'vitest';
import { formatJsonPath, locatePath, parseJsonPath, problemsInMessage } from './json-path.ts';

const text = `{
  "jobName": "a",
  "taskRoles": [
    {"name": "w", "memoryMB": 50, "command": "x"}
  ]
}`;

describe('parseJsonPath / formatJsonPath', () => {
  it('reads dotted paths and JSON Pointers', () => {
    expect(parseJsonPath('taskRoles[0].memoryMB')).toEqual(['taskRoles', 0, 'memoryMB']);
    expect(parseJsonPath('/taskRoles/0/memoryMB')).toEqual(['taskRoles', 0, 'memoryMB']);
    expect(parseJsonPath('jobEnvs["a b"]')).toEqual(['jobEnvs', 'a b']);
    expect(parseJsonPath('jobName')).toEqual(['jobName']);
  });

  it('refuses words that are not paths', () => {
    expect(parseJsonPath('must')).toEqual(['must']); // a word can be a key; locatePath decides
    expect(parseJsonPath('>=')).toBeNull();
    expect(parseJsonPath('(100)')).toBeNull();
  });

  it('formats back', () => {
    expect(formatJsonPath(['taskRoles', 0, 'memoryMB'])).toBe('taskRoles[0].memoryMB');
    expect(formatJsonPath(['jobEnvs', 'a b'])).toBe('jobEnvs["a b"]');
  });
});

describe('locatePath', () => {
  it('finds the value at a path', () => {
    const location = locatePath(text, ['taskRoles', 0, 'memoryMB'])!;
    expect(text.slice(location.offset, location.offset + location.length)).toBe('50');
    expect(location.exact).toBe(true);
  });

  it('marks the parent key of a missing field', () => {
    const location = locatePath(text, ['taskRoles', 0, 'portList', 0, 'label'])!;
    expect(location.exact).toBe(false);
    expect(text.slice(location.offset, location.offset + location.length)).toBe('{');
  });

  it('marks an object by its key', () => {
    const location = locatePath(text, ['taskRoles'])!;
    expect(text.slice(location.offset, location.offset + location.length)).toBe('"taskRoles"');
  });
});

describe('problemsInMessage', () => {
  it('reads the leading path of each problem', () => {
    expect(problemsInMessage('taskRoles[0].memoryMB must be >= 100; image is required')).toEqual([
      { path: ['taskRoles', 0, 'memoryMB'], message: 'taskRoles[0].memoryMB must be >= 100' },
      { path: ['image'], message: 'image is required' },
    ]);
  });

  it("reads OpenPAI's Joi messages", () => {
    const joi =
      'child "taskRoles" fails because ["taskRoles" at position 0 fails because [child "memoryMB" fails because ["memoryMB" must be larger than or equal to 100]]]';
    expect(problemsInMessage(joi)[0]!.path).toEqual(['taskRoles', 0, 'memoryMB']);
  });

  it('gives no path when the message does not start with one', () => {
    expect(problemsInMessage('The request body is not valid JSON.')[0]!.path).toEqual(['The']);
  });
});
