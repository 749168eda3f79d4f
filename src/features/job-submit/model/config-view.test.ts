import { describe, expect, it } from 'vitest';
import { envValueFromInput, parseInteger, textOf, uniqueName } from './config-view.ts';

describe('config view helpers', () => {
  it('shows strings as they are and other values as JSON', () => {
    expect(textOf('a')).toBe('a');
    expect(textOf(3)).toBe('3');
    expect(textOf(undefined)).toBe('');
    expect(textOf({ a: 1 })).toBe('{"a":1}');
  });

  it('keeps the type of a non-string environment value', () => {
    expect(envValueFromInput(32, '64')).toBe(64);
    expect(envValueFromInput(true, 'false')).toBe(false);
    expect(envValueFromInput(32, '64 epochs')).toBe('64 epochs');
    expect(envValueFromInput('32', '64')).toBe('64');
  });

  it('reads whole numbers only', () => {
    expect(parseInteger(' 12 ')).toBe(12);
    expect(parseInteger('-2')).toBe(-2);
    expect(parseInteger('1.5')).toBeNull();
    expect(parseInteger('')).toBeNull();
    expect(parseInteger('1e3')).toBeNull();
    expect(parseInteger('99999999999999999999')).toBeNull();
  });

  it('finds a name not taken', () => {
    expect(uniqueName('worker', ['main'])).toBe('worker');
    expect(uniqueName('worker', ['worker', 'worker2'])).toBe('worker3');
  });
});
