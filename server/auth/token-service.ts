import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { TokenStore } from '../store/tokens.ts';

export interface TokenClaims {
  username: string;
  application: boolean;
}

/**
 * Issues and verifies OpenPAI tokens: HS256 JWTs with `username`, `application`, `iat` and (except
 * for application tokens) `exp`. A token is valid only while it is also in the token store.
 */
export class TokenService {
  private readonly key: Uint8Array;
  /** Tokens whose signature was checked: WebCrypto's HMAC costs more than a page of the job list. */
  private readonly signatureChecked = new Map<string, JWTPayload>();

  constructor(
    secret: string,
    private readonly tokens: TokenStore,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** `lifetimeSeconds` undefined → no expiry (application tokens); `name` labels an application token. */
  async issue(
    username: string,
    application: boolean,
    lifetimeSeconds?: number,
    name = '',
  ): Promise<string> {
    const issuedAt = Math.floor(Date.now() / 1000);
    // jti keeps two tokens issued in the same second distinct (each is stored and revoked alone).
    const jwt = new SignJWT({ username, application })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setJti(randomBytes(9).toString('base64url'));
    const expiresAt = lifetimeSeconds === undefined ? undefined : issuedAt + lifetimeSeconds;
    if (expiresAt !== undefined) jwt.setExpirationTime(expiresAt);
    const token = await jwt.sign(this.key);
    this.tokens.add({
      token,
      username,
      application,
      expiresTime: expiresAt === undefined ? null : expiresAt * 1000,
      name,
    });
    return token;
  }

  /** The token's claims, or null when it is malformed, forged, expired or revoked. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const payload = this.signatureChecked.get(token) ?? (await this.checkSignature(token));
      // Revocation and expiry come from the store on every request, cached signature or not.
      const stored = this.tokens.get(token); // by the token's hash: one index lookup
      if (!stored || stored.username !== payload.username) return null;
      if (stored.expiresTime !== null && stored.expiresTime <= Date.now()) return null;
      return { username: stored.username, application: stored.application };
    } catch {
      return null;
    }
  }

  private async checkSignature(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
    if (this.signatureChecked.size >= 10_000) this.signatureChecked.clear();
    this.signatureChecked.set(token, payload);
    return payload;
  }
}
