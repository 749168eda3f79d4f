import { describe, expect, it } from 'vitest';
import { generatePassword } from './generate-password.ts';

describe('generatePassword', () => {
  it('makes 16 characters without look-alikes, different every time', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    for (const password of passwords) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(new Set(passwords).size).toBe(200);
  });

  it('uses every character of its alphabet', () => {
    const seen = new Set(generatePassword(20_000));
    expect(seen.size).toBe(57);
  });
});
