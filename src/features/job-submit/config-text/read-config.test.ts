import { describe, expect, it } from 'vitest';
import { lineColumn, readConfig } from './read-config.ts';

describe('readConfig', () => {
  it('reads valid JSON', () => {
    expect(readConfig('{"jobName": "a", "taskRoles": []}')).toEqual({
      ok: true,
      value: { jobName: 'a', taskRoles: [] },
    });
  });

  it('reports a syntax error where it is', () => {
    const text = '{\n  "jobName": "a"\n  "image": "b"\n}';
    const reading = readConfig(text);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems[0]!.message).toBe('A comma is expected');
    expect(lineColumn(text, reading.problems[0]!.offset)).toEqual({ line: 3, column: 3 });
  });

  it('rejects what JSON.parse rejects: comments, trailing commas, empty text', () => {
    expect(readConfig('{"a": 1 // note\n}').ok).toBe(false);
    expect(readConfig('{"a": 1,}').ok).toBe(false);
    expect(readConfig('  ').ok).toBe(false);
  });
});
