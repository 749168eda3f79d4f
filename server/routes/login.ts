import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoginResponse } from '../../contract/api-types.ts';
import { NAME_MAX_LENGTH } from '../../contract/job-config-schema.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { PaiError } from '../errors.ts';
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

/** One answer for an unknown user and a wrong password, so that sign-in tells no names. */
export const SIGN_IN_REFUSED = 'User name or password is incorrect.';

/** Checked for unknown users, so that they take as long as a wrong password. */
let stand_in: Promise<string> | undefined;
const standInHash = () => (stand_in ??= hashPassword('stand-in for unknown users'));

async function passwordMatches(password: string, hash: string): Promise<boolean> {
  try {
    return await verifyPassword(password, hash);
  } catch {
    return false; // a damaged hash refuses like a wrong password
  }
}

/** `POST /api/v1/token` and `POST /api/v1/authn/basic/login` (docs/api.md §3.3). */
export function registerLoginRoutes(app: FastifyInstance, services: Services): void {
  const { config, loginThrottle, tokenService, users } = services;

  async function login(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<LoginResponse | FastifyReply> {
    const { username, password, expiration } = validateLogin(request.body ?? {});
    // Counted before the (asynchronous) check, so concurrent guesses cannot overtake the count.
    const wait = loginThrottle.begin(username, request.ip);
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
    const matches = await passwordMatches(password, user?.passwordHash ?? (await standInHash()));
    if (!user || !matches) throw new PaiError(400, 'IncorrectPasswordError', SIGN_IN_REFUSED);
    loginThrottle.recordSuccess(username, request.ip);
    const lifetime = Math.min(expiration ?? config.tokenTtlSeconds, config.tokenTtlSeconds);
    const token = await tokenService.issue(username, false, lifetime);
    users.recordSignIn(username);
    return { user: username, token, admin: user.admin };
  }

  // In OIDC mode routes/authn-oidc.ts answers the password routes with a clear error instead.
  if (config.authnMethod === 'basic') {
    app.post('/api/v1/token', login);
    app.post('/api/v1/authn/basic/login', login);
  }
}
