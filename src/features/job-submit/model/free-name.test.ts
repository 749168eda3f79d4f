import { describe, expect, it } from 'vitest';
import { copyNames, findFreeName } from './free-name.ts';

describe('copyNames', () => {
  it('adds a numeric suffix, continuing an existing one', () => {
    expect(copyNames('train', 3)).toEqual(['train-2', 'train-3', 'train-4']);
    expect(copyNames('train-4', 2)).toEqual(['train-5', 'train-6']);
    expect(copyNames('a-b', 1)).toEqual(['a-b-2']);
  });
});

describe('findFreeName', () => {
  it('returns the first name that is not taken', async () => {
    const taken = new Set(['train-2', 'train-3']);
    const asked: string[] = [];
    const name = await findFreeName('train', async (candidate) => {
      asked.push(candidate);
      return taken.has(candidate);
    });
    expect(name).toBe('train-4');
    expect(asked).toEqual(['train-2', 'train-3', 'train-4']);
  });

  it('gives up with a clear message', async () => {
    await expect(findFreeName('x', async () => true, 3)).rejects.toThrow(
      'No free name found after x-4',
    );
  });
});
