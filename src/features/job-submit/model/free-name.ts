/** Names for a copy of `name`: `train` → `train-2`, `train-3`…; `train-4` → `train-5`, `train-6`… */
export function copyNames(name: string, count: number): string[] {
  const match = /^(.*)-(\d+)$/.exec(name);
  const base = match ? match[1]! : name;
  const start = match ? Number(match[2]) + 1 : 2;
  return Array.from({ length: count }, (_, index) => `${base}-${start + index}`);
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
