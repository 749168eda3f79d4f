import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors.ts';
import type { UserStore } from '../store/users.ts';
import type { TokenService } from './token-service.ts';

/** Who is calling, established from the Authorization header. */
export interface RequestUser {
  /** The stable user id (store/users.ts): what job ownership is checked against. */
  userId: string;
  username: string;
  /** From the user table at request time, never from the token. */
  admin: boolean;
  application: boolean;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: RequestUser;
  }
}

export interface Authenticator {
  /** onRequest hook: any valid token, including application tokens. */
  required(request: FastifyRequest): Promise<void>;
  /** onRequest hook: a valid token that is not an application token. */
  notApplication(request: FastifyRequest): Promise<void>;
}

/** The signed-in user of a request that passed an Authenticator hook. */
export function userOf(request: FastifyRequest): RequestUser {
  if (!request.user) throw unauthorized('Guest is not allowed to do this operation.');
  return request.user;
}

/**
 * Accepts `Bearer <jwt>`, and `Basic base64(<username>:<application token>)` for application
 * tokens of that user (docs/api.md §2).
 */
export function createAuthenticator(tokens: TokenService, users: UserStore): Authenticator {
  async function identify(header: string | undefined): Promise<RequestUser> {
    if (!header) throw unauthorized('Guest is not allowed to do this operation.');
    const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
    let token = credentials;
    let basicUser: string | undefined;
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      basicUser = decoded.slice(0, colon);
      token = decoded.slice(colon + 1);
      if (colon < 0) throw unauthorized();
    } else if (scheme.toLowerCase() !== 'bearer') {
      throw unauthorized();
    }
    const claims = await tokens.verify(token);
    if (!claims) throw unauthorized();
    if (basicUser !== undefined && (!claims.application || claims.username !== basicUser))
      throw unauthorized();
    const user = users.get(claims.username);
    if (!user) throw unauthorized();
    return {
      userId: user.id,
      username: user.username,
      admin: user.admin,
      application: claims.application,
      token,
    };
  }

  return {
    async required(request) {
      request.user = await identify(request.headers.authorization);
    },
    async notApplication(request) {
      const user = await identify(request.headers.authorization);
      if (user.application)
        throw forbidden('Application tokens are not allowed to do this operation.');
      request.user = user;
    },
  };
}
