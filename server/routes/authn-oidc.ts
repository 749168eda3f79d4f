import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OidcAuthority } from '../auth/oidc-authority.ts';
import { verifyIdToken } from '../auth/oidc-id-token.ts';
import { signInVerified } from '../auth/oidc-identity.ts';
import { NonceLedger } from '../auth/oidc-nonce-ledger.ts';
import { OidcServerFlow, withQuery } from '../auth/oidc-server-flow.ts';
import { PaiError, badRequest, forbidden } from '../errors.ts';
import { publicOrigin } from '../http/public-url.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';

export const OIDC_RETURN_PATH = '/api/v1/authn/oidc/return';

const TOKEN = { type: 'string', minLength: 1, maxLength: 16384 };

/** The portal's MSAL sign-in: `{idToken, accessToken?}` as JSON. */
const validatePortalTokens = compileValidator<{ idToken: string; accessToken?: string }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['idToken'],
    properties: { idToken: TOKEN, accessToken: TOKEN },
  },
  'body',
);

type Query = { Querystring: Record<string, unknown> };

/** A `from` is passed on only as a path inside the portal. */
const portalPath = (from: unknown) =>
  typeof from === 'string' && /^\/(?![/\\])/.test(from) ? from : undefined;

/** Azure AD sign-in (docs/api.md §4), with verified tokens and redirects only to the portal's origins. */
export function registerOidcRoutes(app: FastifyInstance, services: Services): void {
  const oidc = services.config.oidc;
  if (!oidc) return;
  const authority = new OidcAuthority(oidc);
  const ledger = new NonceLedger();
  const serverFlow = new OidcServerFlow(authority, ledger, services);
  const requestOrigin = (request: FastifyRequest) => publicOrigin(services.config, request.server);

  /** A portal URL this server may send people (and tokens) to; OpenPAI followed any. */
  function portalTarget(request: FastifyRequest, text: unknown): string {
    const allowed = oidc!.redirectOrigins;
    const origins = allowed.length > 0 ? allowed : [requestOrigin(request)];
    if (text === undefined || text === '') return `${origins[0]}/login`;
    const url = typeof text === 'string' && URL.canParse(text) ? new URL(text) : undefined;
    if (!url || !origins.includes(url.origin)) {
      throw badRequest(
        `redirect_uri ${String(text)} is not on an allowed portal origin (${origins.join(', ')}); see PAI_OIDC_REDIRECT_ORIGINS.`,
      );
    }
    return url.href;
  }

  app.get<Query>('/api/v1/authn/oidc/login', async (request, reply) => {
    if (!oidc.clientSecret) {
      throw new PaiError(
        501,
        'NotImplementedError',
        'This cluster signs in through the portal (MSAL); the server flow needs PAI_OIDC_CLIENT_SECRET.',
      );
    }
    const location = await serverFlow.start({
      redirect: portalTarget(request, request.query.redirect_uri),
      from: portalPath(request.query.from),
      returnUri: oidc.returnUri ?? `${requestOrigin(request)}${OIDC_RETURN_PATH}`,
    });
    return reply.redirect(location, 302);
  });

  app.post(OIDC_RETURN_PATH, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!('idToken' in body) && 'state' in body) {
      return reply.redirect(await serverFlow.finish(body), 302);
    }
    const { idToken, accessToken } = validatePortalTokens(body);
    const claims = await verifyIdToken(authority, ledger, idToken, { accessToken });
    return signInVerified(services, oidc, claims);
  });

  app.get<Query>('/api/v1/authn/oidc/logout', async (request, reply) => {
    const after = portalTarget(request, request.query.redirect_uri);
    // Signing out must not strand anyone: without the provider's answer, go straight back.
    const endSession = await authority.metadata().then(
      (metadata) => metadata.end_session_endpoint,
      () => undefined,
    );
    const location = endSession
      ? withQuery(endSession, { client_id: oidc.clientId, post_logout_redirect_uri: after })
      : after;
    return reply.redirect(location, 302);
  });

  const passwordSignInOff = async () => {
    throw forbidden(
      'Password sign-in is turned off: this cluster signs people in with Azure AD (OIDC). Sign in through the portal, or GET /api/v1/authn/oidc/login.',
    );
  };
  app.post('/api/v1/token', passwordSignInOff);
  app.post('/api/v1/authn/basic/login', passwordSignInOff);
}
