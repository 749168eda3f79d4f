import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendItem, detectFormatting, removeValue, renameKey, setValue } from './edit-config.ts';
import { readConfig } from './read-config.ts';

const handWritten = `{
    "jobName": "train",
    "x-team": {"owner": "ml", "cost": 12},
    "image":   "pytorch:2",
    "taskRoles": [
        {
            "name": "worker",
            "command": "python train.py",
            "taskNumber": 2,
            "comment-for-me": true
        }
    ],
    "jobEnvs": {
        "B": "2",
        "A": 1
    }
}
`;

const valueOf = (text: string) => {
  const reading = readConfig(text);
  if (!reading.ok) throw new Error(`not JSON: ${JSON.stringify(reading.problems)}`);
  return reading.value as Record<string, unknown>;
};

describe('setValue', () => {
  it('changes only the value it touches: unknown keys, key order and formatting survive', () => {
    const edited = setValue(handWritten, ['image'], 'pytorch:3');
    expect(edited).toBe(handWritten.replace('"pytorch:2"', '"pytorch:3"'));
  });

  it('edits a nested value in place', () => {
    const edited = setValue(handWritten, ['taskRoles', 0, 'taskNumber'], 4);
    expect(edited).toBe(handWritten.replace('"taskNumber": 2', '"taskNumber": 4'));
  });

  it('adds a missing field at the end of its object, indented like its neighbours', () => {
    const edited = setValue(handWritten, ['taskRoles', 0, 'gpuNumber'], 1);
    expect(edited).toContain('"comment-for-me": true,\n            "gpuNumber": 1\n        }');
    expect(Object.keys(valueOf(edited))).toEqual([
      'jobName',
      'x-team',
      'image',
      'taskRoles',
      'jobEnvs',
    ]);
  });

  it('creates missing parents', () => {
    const edited = setValue('{\n  "jobName": "a"\n}', ['jobEnvs', 'SEED'], '7');
    expect(valueOf(edited)).toEqual({ jobName: 'a', jobEnvs: { SEED: '7' } });
    expect(edited).toBe('{\n  "jobName": "a",\n  "jobEnvs": {\n    "SEED": "7"\n  }\n}');
  });

  it('starts an object from an empty text', () => {
    expect(valueOf(setValue('', ['jobName'], 'a'))).toEqual({ jobName: 'a' });
  });

  it('keeps CRLF line ends and tab indentation', () => {
    const text = '{\r\n\t"jobName": "a"\r\n}';
    const edited = setValue(text, ['image'], 'b');
    expect(edited).toBe('{\r\n\t"jobName": "a",\r\n\t"image": "b"\r\n}');
  });

  it('round-trips any string the person types', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const edited = setValue(handWritten, ['taskRoles', 0, 'command'], typed);
        const value = valueOf(edited);
        expect((value.taskRoles as Record<string, unknown>[])[0]!.command).toBe(typed);
        expect(value['x-team']).toEqual({ owner: 'ml', cost: 12 });
      }),
    );
  });
});

describe('removeValue', () => {
  it('removes a property and its comma, nothing else', () => {
    const edited = removeValue(handWritten, ['jobEnvs', 'B']);
    expect(valueOf(edited).jobEnvs).toEqual({ A: 1 });
    expect(edited.startsWith(handWritten.slice(0, handWritten.indexOf('"jobEnvs"')))).toBe(true);
  });

  it('removes an array item', () => {
    const text = '{"taskRoles": [{"name": "a"}, {"name": "b"}]}';
    expect(valueOf(removeValue(text, ['taskRoles', 0]))).toEqual({ taskRoles: [{ name: 'b' }] });
  });
});

describe('appendItem', () => {
  it('appends to an existing array, leaving the items before it untouched', () => {
    const edited = appendItem(handWritten, ['taskRoles'], { name: 'ps', command: 'run' });
    const roles = valueOf(edited).taskRoles as unknown[];
    expect(roles).toHaveLength(2);
    expect(roles[1]).toEqual({ name: 'ps', command: 'run' });
    expect(edited).toContain('"comment-for-me": true\n        },\n        {');
  });

  it('creates the array when it is missing', () => {
    const edited = appendItem('{"taskRoles": [{"name": "a"}]}', ['taskRoles', 0, 'portList'], {
      label: 'http',
    });
    expect(valueOf(edited)).toEqual({ taskRoles: [{ name: 'a', portList: [{ label: 'http' }] }] });
  });
});

describe('renameKey', () => {
  it('renames in place, keeping the position and the value', () => {
    const edited = renameKey(handWritten, ['jobEnvs'], 'B', 'BATCH');
    expect(edited).toBe(handWritten.replace('"B": "2"', '"BATCH": "2"'));
    expect(Object.keys(valueOf(edited).jobEnvs as object)).toEqual(['BATCH', 'A']);
  });

  it('escapes the new key', () => {
    const edited = renameKey('{"jobEnvs": {"a": 1}}', ['jobEnvs'], 'a', 'say "hi"');
    expect(valueOf(edited).jobEnvs).toEqual({ 'say "hi"': 1 });
  });

  it('leaves the text alone when the key does not exist', () => {
    expect(renameKey(handWritten, ['jobEnvs'], 'missing', 'x')).toBe(handWritten);
  });
});

describe('detectFormatting', () => {
  it('reads the indentation the text uses', () => {
    expect(detectFormatting(handWritten)).toMatchObject({
      insertSpaces: true,
      tabSize: 4,
      eol: '\n',
    });
    expect(detectFormatting('{"a":1}')).toMatchObject({ insertSpaces: true, tabSize: 2 });
    expect(detectFormatting('{\r\n\t"a": 1\r\n}')).toMatchObject({
      insertSpaces: false,
      eol: '\r\n',
    });
  });
});
