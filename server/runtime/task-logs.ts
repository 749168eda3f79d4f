import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_STREAMS = ['stdout', 'stderr'] as const;
export type LogStream = (typeof LOG_STREAMS)[number];

export interface LogContent {
  text: Buffer;
  /** Bytes kept on disk for this stream (the current file plus the rotated `.1`). */
  keptBytes: number;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function readRange(path: string, start: number, length: number): Buffer {
  if (length <= 0) return Buffer.alloc(0);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, start);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The kept log of one stream, oldest byte first; with `tailBytes`, only its last bytes. */
export function readTaskLog(
  taskDir: string,
  stream: LogStream,
  tailBytes: number | null,
): LogContent {
  const current = join(taskDir, `${stream}.log`);
  const rotated = `${current}.1`;
  const currentSize = sizeOf(current);
  const rotatedSize = sizeOf(rotated);
  const keptBytes = currentSize + rotatedSize;
  const wanted = tailBytes === null ? keptBytes : Math.min(tailBytes, keptBytes);
  const fromCurrent = Math.min(wanted, currentSize);
  const fromRotated = wanted - fromCurrent;
  const text = Buffer.concat([
    readRange(rotated, rotatedSize - fromRotated, fromRotated),
    readRange(current, currentSize - fromCurrent, fromCurrent),
  ]);
  return { text, keptBytes };
}

/** The last lines a task wrote to stderr, for failure diagnostics. */
export function stderrTail(taskDir: string, maxLines = 10): string {
  const lines = readTaskLog(taskDir, 'stderr', 4096).text.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-maxLines).join('\n');
}

/** Starts the stderr tail in a failed job's diagnostics; only the owner and admins see what follows. */
export const STDERR_TAIL_HEADING = '\nLast lines of its stderr:\n';
