import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoginResponse } from '../../contract/api-types.ts';
import { OidcAuthority } from '../auth/oidc-authority.ts';
import { exchangeCode } from '../auth/oidc-code-exchange.ts';
import type { OidcConfig } from '../auth/oidc-config.ts';
import { verifyIdToken } from '../auth/oidc-id-token.ts';
import { signInVerified } from '../auth/oidc-identity.ts';
import { NonceLedger } from '../auth/oidc-nonce-ledger.ts';
import {
  PendingSignIns,
  codeChallenge,
  type PendingSignIn,
} from '../auth/oidc-pending-sign-ins.ts';
import { PaiError, badRequest, forbidden } from '../errors.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';

export const OIDC_RETURN_PATH = '/api/v1/authn/oidc/return';

interface PortalTokens {
  idToken: string;
  accessToken?: string;
}

interface ProviderAnswer {
  state: string;
  code?: string;
  error?: string;
  error_description?: string;
  iss?: string;
}

const TOKEN = { type: 'string', minLength: 1, maxLength: 16384 };

/** (a) The portal's MSAL sign-in: `{idToken, accessToken?}` as JSON. */
const validatePortalTokens = compileValidator<PortalTokens>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['idToken'],
    properties: { idToken: TOKEN, accessToken: TOKEN },
  },
  'body',
);

/** (b) The provider's form_post answer in the server flow (extra fields such as session_state are ignored). */
const validateProviderAnswer = compileValidator<ProviderAnswer>(
  {
    type: 'object',
    required: ['state'],
    properties: {
      state: TOKEN,
      code: TOKEN,
      error: { type: 'string' },
      error_description: { type: 'string' },
      iss: { type: 'string' },
    },
  },
  'body',
);

/** A `from` is passed on only as a path inside the portal. */
const portalPath = (from: unknown) =>
  typeof from === 'string' &&
  from.startsWith('/') &&
  !from.startsWith('//') &&
  !from.startsWith('/\\')
    ? from
    : undefined;

const requestOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function withQuery(target: string, query: Record<string, string | undefined>): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/** Azure AD sign-in (CONTRACT §4), with verified tokens and redirects only to the portal's origins. */
export function registerOidcRoutes(app: FastifyInstance, services: Services): void {
  const oidc: OidcConfig | undefined = services.config.oidc;
  if (!oidc) return;
  const authority = new OidcAuthority(oidc);
  const ledger = new NonceLedger();
  const pending = new PendingSignIns();

  /** A portal URL this server may send people (and tokens) to; OpenPAI followed any. */
  function portalTarget(request: FastifyRequest, text: unknown): string {
    const origins =
      oidc!.redirectOrigins.length > 0 ? oidc!.redirectOrigins : [requestOrigin(request)];
    if (text === undefined || text === '') return `${origins[0]}/login`;
    let url: URL | undefined;
    try {
      url = typeof text === 'string' ? new URL(text) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || !origins.includes(url.origin)) {
      throw badRequest(
        `redirect_uri ${String(text)} is not on an allowed portal origin (${origins.join(', ')}); see PAI_OIDC_REDIRECT_ORIGINS.`,
      );
    }
    return url.href;
  }

  async function exchangeAnswer(
    answer: ProviderAnswer,
    target: PendingSignIn,
  ): Promise<LoginResponse> {
    if (answer.error)
      throw new PaiError(
        401,
        'UnauthorizedUserError',
        `The identity provider did not sign you in: ${answer.error_description ?? answer.error}.`,
      );
    if (answer.iss !== undefined && answer.iss !== (await authority.issuer())) {
      throw new PaiError(
        401,
        'UnauthorizedUserError',
        `The answer came from issuer "${answer.iss}", not from ${await authority.issuer()}.`,
      );
    }
    if (!answer.code) throw badRequest('The identity provider answered without a code.');
    const tokens = await exchangeCode(authority, answer.code, target);
    const claims = await verifyIdToken(authority, ledger, tokens.idToken, {
      nonce: target.nonce,
      accessToken: tokens.accessToken,
    });
    return signInVerified(services, oidc!, claims);
  }

  async function serverFlowReturn(request: FastifyRequest, reply: FastifyReply) {
    const answer = validateProviderAnswer(request.body);
    const target = pending.take(answer.state);
    if (!target)
      throw badRequest(
        'This sign-in is unknown or older than ten minutes; start it again from the portal.',
      );
    try {
      const login = await exchangeAnswer(answer, target);
      const query = {
        user: login.user,
        token: login.token,
        admin: String(login.admin),
        from: target.from,
      };
      return reply.redirect(withQuery(target.redirect, query), 302);
    } catch (error) {
      if (!(error instanceof PaiError)) throw error;
      return reply.redirect(
        withQuery(target.redirect, { errorMessage: error.message, from: target.from }),
        302,
      );
    }
  }

  app.get<{ Querystring: Record<string, unknown> }>(
    '/api/v1/authn/oidc/login',
    async (request, reply) => {
      if (!oidc.clientSecret) {
        throw new PaiError(
          501,
          'NotImplementedError',
          'This cluster signs in through the portal (MSAL); the server flow needs PAI_OIDC_CLIENT_SECRET.',
        );
      }
      const redirect = portalTarget(request, request.query.redirect_uri);
      const returnUri = oidc.returnUri ?? `${requestOrigin(request)}${OIDC_RETURN_PATH}`;
      const signIn = pending.start({ redirect, from: portalPath(request.query.from), returnUri });
      const { authorization_endpoint } = await authority.metadata();
      const location = withQuery(authorization_endpoint, {
        client_id: oidc.clientId,
        response_type: 'code',
        response_mode: 'form_post',
        redirect_uri: returnUri,
        scope: oidc.scopes.join(' '),
        state: signIn.state,
        nonce: signIn.nonce,
        code_challenge: codeChallenge(signIn.codeVerifier),
        code_challenge_method: 'S256',
      });
      return reply.redirect(location, 302);
    },
  );

  app.post(OIDC_RETURN_PATH, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!('idToken' in body) && 'state' in body) return serverFlowReturn(request, reply);
    const { idToken, accessToken } = validatePortalTokens(body);
    const claims = await verifyIdToken(authority, ledger, idToken, { accessToken });
    return signInVerified(services, oidc, claims);
  });

  app.get<{ Querystring: Record<string, unknown> }>(
    '/api/v1/authn/oidc/logout',
    async (request, reply) => {
      const after = portalTarget(request, request.query.redirect_uri);
      // Signing out must not strand anyone: without the provider's answer, go straight back to the portal.
      const endSession = await authority.metadata().then(
        (metadata) => metadata.end_session_endpoint,
        () => undefined,
      );
      const location = endSession
        ? withQuery(endSession, { client_id: oidc.clientId, post_logout_redirect_uri: after })
        : after;
      return reply.redirect(location, 302);
    },
  );

  const passwordSignInOff = async () => {
    throw forbidden(
      'Password sign-in is turned off: this cluster signs people in with Azure AD (OIDC). Sign in through the portal, or GET /api/v1/authn/oidc/login.',
    );
  };
  app.post('/api/v1/token', passwordSignInOff);
  app.post('/api/v1/authn/basic/login', passwordSignInOff);
}
