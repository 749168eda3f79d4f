import { describe, expect, it } from 'vitest';
import { copyNames, findFreeName } from './free-name.ts';

describe('copyNames', () => {
  it('appends a numeric suffix and never changes a digit of the name', () => {
    expect(copyNames('train', 3)).toEqual(['train-2', 'train-3', 'train-4']);
    expect(copyNames('bert-seq-512', 2)).toEqual(['bert-seq-512-2', 'bert-seq-512-3']);
    expect(copyNames('imagenet-resnet50-2019', 1)).toEqual(['imagenet-resnet50-2019-2']);
    expect(copyNames('train-4', 1)).toEqual(['train-4-2']);
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
