/** A `from` value is followed only when it is a path inside the portal (no open redirect). */
export function safeReturnPath(from: string | null | undefined, fallback = '/'): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\'))
    return fallback;
  if (/^\/login(?:[?#]|$)/.test(from)) return fallback;
  return from;
}
