import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { endedBySigningOut, isExpired } from '../../../lib/session.ts';
import { useSession, useSessionExpiry } from '../../../lib/use-session.ts';

/** Route guard: signed-in pages render only with a live session, else sign in and come back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  useSessionExpiry(session);
  if (!session || isExpired(session)) {
    if (!session && endedBySigningOut()) return <Navigate to="/login" replace />;
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/login?from=${encodeURIComponent(from)}`} replace />;
  }
  return children;
}
