import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/request-user.ts';
import { PaiError } from '../errors.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';

/** Application tokens a user may hold at once. */
export const MAX_APPLICATION_TOKENS = 20;
/** The longest expiry an application token may ask for: a year. */
const MAX_APPLICATION_EXPIRATION = 365 * 86400;

/** The longest name an application token may carry. */
export const MAX_TOKEN_NAME = 64;

const validateApplicationToken = compileValidator<{ expiration?: number; name?: string }>(
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      expiration: { type: 'integer', minimum: 60, maximum: MAX_APPLICATION_EXPIRATION },
      name: { type: 'string', maxLength: MAX_TOKEN_NAME, pattern: '^[^\\u0000-\\u001f\\u007f]*$' },
    },
  },
  'body',
);

/** Token routes (docs/api.md §3.5); sign-in is routes/login.ts. */
export function registerTokenRoutes(app: FastifyInstance, services: Services): void {
  const { auth, config, tokens, tokenService } = services;

  // In OIDC mode routes/authn-oidc.ts answers the password routes with a clear error instead.
  if (config.authnMethod === 'basic') {
    app.delete('/api/v1/authn/basic/logout', { onRequest: auth.required }, async (request) => {
      tokens.revoke(userOf(request).token);
      return { message: 'Logout successfully' };
    });
  }

  // The server keeps no token in clear: the list names each by its id (SHA-256).
  app.get('/api/v1/token', { onRequest: auth.notApplication }, async (request) => ({
    tokens: tokens.listValid(userOf(request).username).map((record) => record.id),
  }));

  app.post('/api/v1/token/application', { onRequest: auth.notApplication }, async (request) => {
    const { username } = userOf(request);
    const { expiration, name = '' } = validateApplicationToken(request.body ?? {});
    if (tokens.countApplicationTokens(username) >= MAX_APPLICATION_TOKENS) {
      throw new PaiError(
        403,
        'NoEnoughQuotaError',
        `User ${username} already has ${MAX_APPLICATION_TOKENS} application tokens, the most allowed; revoke one first (DELETE /api/v1/token/<token>).`,
      );
    }
    const token = await tokenService.issue(username, true, expiration, name.trim());
    return { token, application: true };
  });

  // The token itself or its id. Someone else's token answers like an unknown one and stays.
  app.delete<{ Params: { token: string } }>(
    '/api/v1/token/:token',
    { onRequest: auth.notApplication },
    async (request) => {
      const { username } = userOf(request);
      const { token } = request.params;
      const record = tokens.get(token) ?? tokens.byId(token);
      if (record?.username === username) tokens.revokeId(record.id);
      return { message: 'revoke successfully' };
    },
  );
}
