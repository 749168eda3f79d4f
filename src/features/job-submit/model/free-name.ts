/**
 * Names for a copy of `name`: `train` → `train-2`, `train-3`…. The suffix is always appended, never
 * counted on: digits that end a name are part of it (`bert-seq-512` → `bert-seq-512-2`, not `-513`).
 */
export function copyNames(name: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${name}-${index + 2}`);
}

/** The first copy name that `isTaken` says is free, asked one at a time (usually one or two asks). */
export async function findFreeName(
  name: string,
  isTaken: (candidate: string) => Promise<boolean>,
  maxTries = 50,
): Promise<string> {
  for (const candidate of copyNames(name, maxTries)) {
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free name found after ${name}-${maxTries + 1}; choose a name by hand.`);
}
