import type { LoginResponse } from '../../contract/api-types.ts';
import { PaiError, badRequest, unauthorized } from '../errors.ts';
import type { Services } from '../services.ts';
import { compileValidator } from '../validation/schema-validator.ts';
import type { OidcAuthority } from './oidc-authority.ts';
import { exchangeCode } from './oidc-code-exchange.ts';
import { verifyIdToken } from './oidc-id-token.ts';
import { signInVerified } from './oidc-identity.ts';
import type { NonceLedger } from './oidc-nonce-ledger.ts';
import { PendingSignIns, codeChallenge, type PendingSignIn } from './oidc-pending-sign-ins.ts';

interface ProviderAnswer {
  state: string;
  code?: string;
  error?: string;
  error_description?: string;
  iss?: string;
}

/** The provider's form_post answer (extra fields such as session_state are ignored). */
const validateProviderAnswer = compileValidator<ProviderAnswer>(
  {
    type: 'object',
    required: ['state'],
    properties: {
      state: { type: 'string', minLength: 1, maxLength: 1024 },
      code: { type: 'string', minLength: 1, maxLength: 16384 },
      error: { type: 'string' },
      error_description: { type: 'string' },
      iss: { type: 'string' },
    },
  },
  'body',
);

export function withQuery(target: string, query: Record<string, string | undefined>): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/**
 * OpenPAI's server flow (docs/api.md §4 steps 2–5), with state, nonce and PKCE: this server sends the
 * browser to the provider, takes its form_post answer, exchanges the code with the client secret
 * and sends the browser back to the portal with the cluster token.
 */
export class OidcServerFlow {
  private readonly pending = new PendingSignIns();

  constructor(
    private readonly authority: OidcAuthority,
    private readonly ledger: NonceLedger,
    private readonly services: Services,
  ) {}

  /** The provider's authorization URL for a new sign-in. */
  async start(target: Pick<PendingSignIn, 'redirect' | 'from' | 'returnUri'>): Promise<string> {
    const { clientId, scopes } = this.authority.config;
    const signIn = this.pending.start(target);
    const { authorization_endpoint } = await this.authority.metadata();
    return withQuery(authorization_endpoint, {
      client_id: clientId,
      response_type: 'code',
      response_mode: 'form_post',
      redirect_uri: target.returnUri,
      scope: scopes.join(' '),
      state: signIn.state,
      nonce: signIn.nonce,
      code_challenge: codeChallenge(signIn.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Where the browser goes with the provider's answer: the portal, with the token or the error. */
  async finish(body: unknown): Promise<string> {
    const answer = validateProviderAnswer(body);
    const target = this.pending.take(answer.state);
    if (!target) {
      throw badRequest(
        'This sign-in is unknown or older than ten minutes; start it again from the portal.',
      );
    }
    try {
      const login = await this.signIn(answer, target);
      const { user, token, admin } = login;
      return withQuery(target.redirect, { user, token, admin: String(admin), from: target.from });
    } catch (error) {
      if (!(error instanceof PaiError)) throw error;
      return withQuery(target.redirect, { errorMessage: error.message, from: target.from });
    }
  }

  private async signIn(answer: ProviderAnswer, target: PendingSignIn): Promise<LoginResponse> {
    const issuer = await this.authority.issuer();
    if (answer.error) {
      throw unauthorized(
        `The identity provider did not sign you in: ${answer.error_description ?? answer.error}.`,
      );
    }
    // RFC 9207: an answer that names another issuer comes from another provider (mix-up).
    if (answer.iss !== undefined && answer.iss !== issuer) {
      throw unauthorized(`The answer came from issuer "${answer.iss}", not from ${issuer}.`);
    }
    if (!answer.code) throw badRequest('The identity provider answered without a code.');
    const tokens = await exchangeCode(this.authority, answer.code, target);
    const claims = await verifyIdToken(this.authority, this.ledger, tokens.idToken, {
      nonce: target.nonce,
      accessToken: tokens.accessToken,
    });
    return signInVerified(this.services, this.authority.config, claims);
  }
}
