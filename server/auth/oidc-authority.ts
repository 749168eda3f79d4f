import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { PaiError } from '../errors.ts';
import type { OidcConfig } from './oidc-config.ts';

/** The parts of the discovery document this server uses. */
export interface OidcMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
  id_token_signing_alg_values_supported?: string[];
}

/** Signature algorithms accepted for ID tokens: asymmetric only, so a client secret can never sign one. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

const FETCH_TIMEOUT_MS = 10_000;

export const providerUnreachable = (what: string, reason: string) =>
  new PaiError(502, 'UnknownError', `Could not reach the identity provider (${what}): ${reason}`);

function checkMetadata(document: Partial<OidcMetadata>, authority: string): OidcMetadata {
  if (document.issuer?.replace(/\/+$/, '') !== authority) {
    throw providerUnreachable(
      'discovery',
      `its issuer "${document.issuer}" is not PAI_OIDC_AUTHORITY "${authority}".`,
    );
  }
  for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (typeof document[endpoint] !== 'string' || !document[endpoint].startsWith('https://')) {
      throw providerUnreachable('discovery', `${endpoint} is missing or not https.`);
    }
  }
  return document as OidcMetadata;
}

/**
 * The configured authority: its discovery document (read on first use, kept once read) and its
 * signing keys (jose refetches them when a token names a key it has not seen: key rotation).
 */
export class OidcAuthority {
  private metadataPromise: Promise<OidcMetadata> | undefined;
  private keySet: JWTVerifyGetKey | undefined;

  constructor(readonly config: OidcConfig) {}

  /** The issuer as tokens carry it (the discovery document's spelling). */
  async issuer(): Promise<string> {
    return (await this.metadata()).issuer;
  }

  metadata(): Promise<OidcMetadata> {
    this.metadataPromise ??= this.discover().catch((error: unknown) => {
      this.metadataPromise = undefined; // a provider that was down is asked again next time
      throw error;
    });
    return this.metadataPromise;
  }

  async keys(): Promise<JWTVerifyGetKey> {
    const { jwks_uri } = await this.metadata();
    this.keySet ??= createRemoteJWKSet(new URL(jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
    return this.keySet;
  }

  /** The algorithms the provider announces, limited to asymmetric ones. */
  async algorithms(): Promise<string[]> {
    const announced = (await this.metadata()).id_token_signing_alg_values_supported ?? ['RS256'];
    return announced.filter((algorithm) => ASYMMETRIC_ALGORITHMS.includes(algorithm));
  }

  private async discover(): Promise<OidcMetadata> {
    const url = `${this.config.authority}/.well-known/openid-configuration`;
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        headers: { Accept: 'application/json' },
      });
    } catch (error) {
      throw providerUnreachable(url, causeOf(error));
    }
    if (!response.ok) throw providerUnreachable(url, `it answered ${response.status}.`);
    let document: Partial<OidcMetadata>;
    try {
      document = (await response.json()) as Partial<OidcMetadata>;
    } catch {
      throw providerUnreachable(url, 'its answer is not JSON.');
    }
    return checkMetadata(document, this.config.authority);
  }
}

/** Node's fetch hides the reason (certificate, refused connection) in `cause`. */
export function causeOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return cause?.message ?? cause?.code ?? (error as Error).message ?? String(error);
}
