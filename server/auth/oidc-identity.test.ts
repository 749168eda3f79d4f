import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { loadOidcConfig, type OidcConfig } from './oidc-config.ts';
import type { IdTokenClaims } from './oidc-id-token.ts';
import { signInVerified, usernameOf } from './oidc-identity.ts';

const claims = (extra: Record<string, unknown>): IdTokenClaims => ({
  sub: 's',
  iat: 1,
  exp: 2,
  ...extra,
});
const oidcConfig = (env: Record<string, string> = {}): OidcConfig =>
  loadOidcConfig({
    PAI_OIDC_AUTHORITY: 'https://idp.example.org',
    PAI_OIDC_CLIENT_ID: 'portal',
    ...env,
  });

describe('the user an ID token names', () => {
  it('takes preferred_username, then upn, then email, up to the last @', () => {
    expect(
      usernameOf(claims({ preferred_username: 'alice@contoso.com', upn: 'x@y' }), undefined),
    ).toBe('alice');
    expect(usernameOf(claims({ upn: 'bob.smith@contoso.com', email: 'b@c' }), undefined)).toBe(
      'bob.smith',
    );
    expect(usernameOf(claims({ email: 'carol_1@example.org' }), undefined)).toBe('carol_1');
    expect(
      usernameOf(claims({ preferred_username: 'alice@contoso.com', oid: 'u-42' }), 'oid'),
    ).toBe('u-42');
  });

  it('refuses claims that give no valid user name, naming the claim', () => {
    expect(() => usernameOf(claims({ name: 'Alice' }), undefined)).toThrow(
      /no preferred_username, upn, email claim/,
    );
    expect(() => usernameOf(claims({ upn: 'guest#EXT#@contoso.com' }), undefined)).toThrow(
      /upn claim .* not give a valid user name/,
    );
    expect(() => usernameOf(claims({}), 'oid')).toThrow(/no oid claim.*PAI_OIDC_USERNAME_CLAIM/);
    // The same bounds as any user name: 64 characters, no reserved key.
    expect(usernameOf(claims({ preferred_username: 'a'.repeat(64) }), undefined)).toBe(
      'a'.repeat(64),
    );
    for (const name of ['a'.repeat(65), '__proto__', 'constructor', 'prototype'])
      expect(() => usernameOf(claims({ preferred_username: name }), undefined)).toThrow(
        /preferred_username claim .* not give a valid user name .*at most 64 characters/,
      );
  });
});

describe('signing in a verified person', () => {
  let t: TestApp;
  let services: Services;
  beforeAll(async () => {
    t = await createTestApp();
    services = createServices({ config: t.config, db: t.db, cluster: t.cluster });
  });
  afterAll(() => t.close());

  it('never hands a local admin account to the provider’s person of that name without configuration', async () => {
    expect(services.users.get('admin')?.admin).toBe(true);
    const login = await signInVerified(
      services,
      oidcConfig(),
      claims({ preferred_username: 'admin@contoso.com' }),
    );
    expect(login).toMatchObject({ user: 'admin', admin: false });
    expect(services.users.get('admin')?.admin).toBe(false);
  });

  it('sets admin rights from the configured users and group at each sign-in', async () => {
    const byGroup = oidcConfig({ PAI_OIDC_ADMIN_GROUP: 'gpu-admins' });
    expect(
      await signInVerified(
        services,
        byGroup,
        claims({ preferred_username: 'erin', groups: ['gpu-admins'] }),
      ),
    ).toMatchObject({ admin: true });
    expect(services.users.get('erin')).toMatchObject({
      admin: true,
      virtualClusters: ['default'],
      passwordHash: 'oidc',
    });
    expect(
      await signInVerified(services, byGroup, claims({ preferred_username: 'erin', groups: [] })),
    ).toMatchObject({ admin: false });
    expect(services.users.get('erin')?.admin).toBe(false);
    const byName = oidcConfig({ PAI_OIDC_ADMIN_USERS: 'erin' });
    expect(
      await signInVerified(services, byName, claims({ preferred_username: 'erin' })),
    ).toMatchObject({ admin: true });
  });
});
