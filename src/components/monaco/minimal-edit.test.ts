import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTextEdit, minimalEdit } from './minimal-edit.ts';

describe('minimalEdit', () => {
  it('is null for equal texts', () => {
    expect(minimalEdit('{"a": 1}', '{"a": 1}')).toBeNull();
  });

  it('replaces only the changed value', () => {
    expect(minimalEdit('{"a": 1, "b": 2}', '{"a": 10, "b": 2}')).toEqual({
      offset: 7,
      length: 0,
      text: '0',
    });
    expect(minimalEdit('{"name": "old"}', '{"name": "new"}')).toEqual({
      offset: 10,
      length: 3,
      text: 'new',
    });
  });

  it('handles pure insertions and deletions at either end', () => {
    expect(minimalEdit('abc', 'xabc')).toEqual({ offset: 0, length: 0, text: 'x' });
    expect(minimalEdit('abc', 'abcx')).toEqual({ offset: 3, length: 0, text: 'x' });
    expect(minimalEdit('abc', '')).toEqual({ offset: 0, length: 3, text: '' });
  });

  it('does not split a surrogate pair', () => {
    const edit = minimalEdit('a😀b', 'a😃b')!;
    expect(edit.text).toBe('😃');
    expect(edit.length).toBe(2);
  });

  it('always turns before into after', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        (before, after) => {
          const edit = minimalEdit(before, after);
          expect(edit === null ? before : applyTextEdit(before, edit)).toBe(after);
        },
      ),
    );
  });
});
