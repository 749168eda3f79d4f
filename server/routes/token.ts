import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoginResponse } from '../../contract/api-types.ts';
import { NAME_MAX_LENGTH } from '../../contract/job-config-schema.ts';
import { verifyPassword } from '../auth/password.ts';
import { userOf } from '../auth/request-user.ts';
import { PaiError, forbidden } from '../errors.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';

interface LoginBody {
  username: string;
  password: string;
  expiration?: number;
}

/** OpenPAI's login body (config/token.js); `expiration` is honoured, capped by PAI_TOKEN_TTL. */
const validateLogin = compileValidator<LoginBody>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'password'],
    properties: {
      username: { type: 'string', pattern: '^[\\w.-]+$', maxLength: NAME_MAX_LENGTH.userName },
      password: { type: 'string', minLength: 6, maxLength: 1024 },
      expiration: { type: 'integer', minimum: 60, maximum: 604800 },
    },
  },
  'body',
);

/** Token routes (CONTRACT §3.3–3.5). */
export function registerTokenRoutes(app: FastifyInstance, services: Services): void {
  const { auth, config, loginThrottle, tokens, tokenService, users } = services;

  async function login(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<LoginResponse | FastifyReply> {
    const { username, password, expiration } = validateLogin(request.body ?? {});
    const wait = loginThrottle.retryAfter(username, request.ip);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return reply
        .status(429)
        .header('Retry-After', String(seconds))
        .send({
          code: 'TooManyRequestsError',
          message: `Too many failed sign-ins for ${username} from this address; try again in ${seconds} seconds.`,
        });
    }
    const user = users.get(username);
    if (!user) {
      loginThrottle.recordFailure(username, request.ip);
      throw new PaiError(400, 'NoUserError', `User ${username} is not found.`);
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      loginThrottle.recordFailure(username, request.ip);
      throw new PaiError(400, 'IncorrectPasswordError', 'Password is incorrect.');
    }
    loginThrottle.recordSuccess(username, request.ip);
    const lifetime = Math.min(expiration ?? config.tokenTtlSeconds, config.tokenTtlSeconds);
    const token = await tokenService.issue(username, false, lifetime);
    return { user: username, token, admin: user.admin };
  }

  // In OIDC mode routes/authn-oidc.ts answers the password routes with a clear error instead.
  if (config.authnMethod === 'basic') {
    app.post('/api/v1/token', login);
    app.post('/api/v1/authn/basic/login', login);
    app.delete('/api/v1/authn/basic/logout', { onRequest: auth.required }, async (request) => {
      tokens.revoke(userOf(request).token);
      return { message: 'Logout successfully' };
    });
  }

  app.get('/api/v1/token', { onRequest: auth.notApplication }, async (request) => ({
    tokens: tokens.listValid(userOf(request).username).map((record) => record.token),
  }));

  app.post('/api/v1/token/application', { onRequest: auth.notApplication }, async (request) => ({
    token: await tokenService.issue(userOf(request).username, true),
    application: true,
  }));

  app.delete<{ Params: { token: string } }>(
    '/api/v1/token/:token',
    { onRequest: auth.notApplication },
    async (request) => {
      const { username } = userOf(request);
      const record = tokens.get(request.params.token);
      if (record && record.username !== username) {
        throw forbidden(`User ${username} is not allowed to revoke a token of another user.`);
      }
      tokens.revoke(request.params.token);
      return { message: 'revoke successfully' };
    },
  );
}
