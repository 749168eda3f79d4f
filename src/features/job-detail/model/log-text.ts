/** One line of a log as the viewer shows it. */
export interface LogLine {
  number: number;
  text: string;
}

/**
 * The lines of a log tail. When the tail was cut (`complete` false), its first line is most likely
 * a fragment and is dropped. Line numbers count from the start of what is shown.
 */
export function logLines(text: string, complete: boolean): LogLine[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (!complete && lines.length > 1) lines.shift();
  return lines.map((line, index) => ({ number: index + 1, text: line }));
}

/** Lines containing `query` (case-insensitive); all lines for an empty query. */
export function searchLines(lines: LogLine[], query: string): LogLine[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return lines;
  return lines.filter((line) => line.text.toLowerCase().includes(needle));
}

/** Splits a line around the matches of `query`, for highlighting. */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** Whether a tail of `requestedBytes` was cut, from the UTF-8 size of what came back. */
export function isCut(text: string, requestedBytes: number): boolean {
  return new TextEncoder().encode(text).length >= requestedBytes;
}
