import type { LoginResponse } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';

export interface PasswordSignIn {
  username: string;
  password: string;
  /** Keep me signed in: across browser restarts, with a 7-day token; else this tab only, 1 day. */
  keep: boolean;
}

const WEEK = 7 * 24 * 3600;
const DAY = 24 * 3600;

/** `POST /api/v1/authn/basic/login`, as OpenPAI's own portal does it (JSON, with `expiration`). */
export function loginWithPassword({
  username,
  password,
  keep,
}: PasswordSignIn): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/v1/authn/basic/login', {
    method: 'POST',
    body: { username, password, expiration: keep ? WEEK : DAY },
    anonymous: true,
  });
}
