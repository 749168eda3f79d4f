/**
 * When a JWT expires, on this browser's clock (ms since epoch); null when it has no `exp` or
 * cannot be read. With `iat` the token's lifetime (`exp - iat`) counts from `receivedAt`, so a
 * browser clock that is off from the server's neither ends a fresh session at once nor keeps an
 * ended one; without `iat`, `exp` is taken as it is.
 */
export function tokenExpiresAt(token: string, receivedAt = Date.now()): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    const claims = JSON.parse(json) as { exp?: unknown; iat?: unknown };
    if (typeof claims.exp !== 'number') return null;
    if (typeof claims.iat !== 'number' || claims.iat > claims.exp) return claims.exp * 1000;
    return receivedAt + (claims.exp - claims.iat) * 1000;
  } catch {
    return null;
  }
}
