import { createHash } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { unauthorized } from '../errors.ts';
import { causeOf, providerUnreachable, type OidcAuthority } from './oidc-authority.ts';
import type { NonceLedger } from './oidc-nonce-ledger.ts';

/** The claims of a verified ID token. */
export interface IdTokenClaims extends JWTPayload {
  sub: string;
  iat: number;
  exp: number;
  nonce?: string;
}

export interface IdTokenCheck {
  /** The nonce this server sent with the sign-in request (server flow). */
  nonce?: string;
  /** An access token issued with the ID token; checked against `at_hash` when the token has one. */
  accessToken?: string;
}

/** Clock difference tolerated between this server and the provider. */
const CLOCK_TOLERANCE_SECONDS = 60;

const refused = (check: string, reason: string) =>
  unauthorized(`ID token refused (${check}): ${reason}`);

function describeFailure(error: unknown, issuer: string, clientId: string): Error {
  if (error instanceof errors.JWTExpired) {
    const exp =
      typeof error.payload.exp === 'number'
        ? new Date(error.payload.exp * 1000).toISOString()
        : 'unknown';
    return refused('expiry', `it expired at ${exp}.`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss')
      return refused(
        'issuer',
        `it was issued by "${String(error.payload.iss)}", not by ${issuer}.`,
      );
    if (error.claim === 'aud') {
      return refused(
        'audience',
        `it was issued for "${String(error.payload.aud)}", not for this portal's client ID "${clientId}".`,
      );
    }
    return refused(error.claim, error.message);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return refused('signature', "the signature does not match the identity provider's key.");
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return refused('signature', 'it is signed by a key the identity provider does not publish.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return refused('algorithm', error.message);
  if (error instanceof errors.JWKSTimeout)
    return providerUnreachable('signing keys', 'it did not answer in time.');
  if (
    error instanceof errors.JWKSInvalid ||
    (error instanceof errors.JOSEError && /Key Set/.test(error.message))
  ) {
    return providerUnreachable('signing keys', error.message);
  }
  if (error instanceof errors.JOSEError) return refused('format', error.message);
  if (error instanceof TypeError) return providerUnreachable('signing keys', causeOf(error));
  return error as Error;
}

/** `at_hash`: the left half of the access token's hash, with the hash of the token's algorithm. */
function accessTokenHash(accessToken: string, algorithm: string): string {
  const bits = algorithm === 'EdDSA' ? '512' : algorithm.slice(2);
  const digest = createHash(`sha${bits}`).update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/**
 * Verifies an ID token as OpenID Connect Core §3.1.3.7 asks: signature against the authority's
 * keys, issuer, audience (= client ID, with `azp` when there are several), expiry, the nonce when
 * one was sent, and that this sign-in was not exchanged before (replay).
 */
export async function verifyIdToken(
  authority: OidcAuthority,
  ledger: NonceLedger,
  idToken: string,
  check: IdTokenCheck = {},
): Promise<IdTokenClaims> {
  const { clientId } = authority.config;
  const [issuer, keys, algorithms] = await Promise.all([
    authority.issuer(),
    authority.keys(),
    authority.algorithms(),
  ]);
  let verified;
  try {
    verified = await jwtVerify(idToken, keys, {
      issuer,
      audience: clientId,
      algorithms,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
  } catch (error) {
    throw describeFailure(error, issuer, clientId);
  }
  const claims = verified.payload as IdTokenClaims;
  if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== clientId) {
    throw refused(
      'audience',
      `it names several audiences and its authorized party is "${String(claims.azp)}", not "${clientId}".`,
    );
  }
  if (check.nonce !== undefined && claims.nonce !== check.nonce) {
    throw refused('nonce', 'its nonce is not the one this server sent with the sign-in request.');
  }
  if (check.accessToken !== undefined && typeof claims.at_hash === 'string') {
    if (claims.at_hash !== accessTokenHash(check.accessToken, verified.protectedHeader.alg)) {
      throw refused('at_hash', 'the access token sent with it is not the one issued with it.');
    }
  }
  const replayKey = claims.nonce
    ? `nonce:${claims.nonce}`
    : `token:${createHash('sha256').update(idToken).digest('base64url')}`;
  if (!ledger.accept(replayKey, claims.iat, claims.exp)) {
    throw refused('nonce', 'this sign-in was already used (replayed); sign in again.');
  }
  return claims;
}
