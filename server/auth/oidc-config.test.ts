import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config-error.ts';
import { loadConfig } from '../config.ts';
import { portalOidcSettings } from './oidc-portal-settings.ts';
import { NonceLedger } from './oidc-nonce-ledger.ts';

const TENANT = 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0';
const OIDC = {
  PAI_AUTHN_METHOD: 'OIDC',
  PAI_OIDC_AUTHORITY: TENANT,
  PAI_OIDC_CLIENT_ID: 'portal-app',
};

const failureOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the settings');
};

describe('PAI_OIDC_* settings', () => {
  it.each([
    [{ PAI_OIDC_AUTHORITY: '' }, 'PAI_OIDC_AUTHORITY', /is required/],
    [{ PAI_OIDC_AUTHORITY: 'http://login.example.org' }, 'PAI_OIDC_AUTHORITY', /https:\/\//],
    [
      { PAI_OIDC_AUTHORITY: 'https://login.microsoftonline.com/common/v2.0' },
      'PAI_OIDC_AUTHORITY',
      /not common/,
    ],
    [
      { PAI_OIDC_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' },
      'PAI_OIDC_AUTHORITY',
      /v2\.0 issuer/,
    ],
    [{ PAI_OIDC_CLIENT_ID: ' ' }, 'PAI_OIDC_CLIENT_ID', /is required/],
    [{ PAI_OIDC_FLOW: 'server' }, 'PAI_OIDC_CLIENT_SECRET', /PAI_OIDC_FLOW=server/],
    [{ PAI_OIDC_FLOW: 'popup' }, 'PAI_OIDC_FLOW', /msal, server/],
    [{ PAI_OIDC_ADMIN_USERS: 'alice, bob@example.org' }, 'PAI_OIDC_ADMIN_USERS', /bob@example.org/],
    [
      { PAI_OIDC_REDIRECT_ORIGINS: 'https://portal.example.org/login' },
      'PAI_OIDC_REDIRECT_ORIGINS',
      /not an origin/,
    ],
    [{ PAI_OIDC_PROTOCOL_MODE: 'SAML' }, 'PAI_OIDC_PROTOCOL_MODE', /AAD, OIDC/],
    [{ PAI_OIDC_RETURN_URI: 'ftp://x' }, 'PAI_OIDC_RETURN_URI', /http/],
  ])('stops at start on %o, naming %s', (change, variable, message) => {
    const error = failureOf({ ...OIDC, ...change });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });

  it('reads a full Azure AD setup and gives MSAL its settings without the secret', () => {
    const config = loadConfig({
      ...OIDC,
      PAI_OIDC_CLIENT_SECRET: 'secret-value',
      PAI_OIDC_ADMIN_USERS: 'alice,bob',
      PAI_OIDC_ADMIN_GROUP: 'f2b1c1d0-admins',
      PAI_OIDC_REDIRECT_ORIGINS: 'https://portal.example.org, http://127.0.0.1:9186',
      PAI_OIDC_SCOPES: 'profile email User.Read',
    });
    expect(config.oidc).toMatchObject({
      protocolMode: 'AAD',
      flow: 'msal',
      adminUsers: ['alice', 'bob'],
      redirectOrigins: ['https://portal.example.org', 'http://127.0.0.1:9186'],
      scopes: ['openid', 'profile', 'email', 'User.Read'],
    });
    const portal = portalOidcSettings(config.oidc!);
    expect(portal).toEqual({
      authnFlow: 'msal',
      clientId: 'portal-app',
      authority: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47',
      scopes: ['openid', 'profile', 'email', 'User.Read'],
      knownAuthorities: [],
      protocolMode: 'AAD',
    });
    expect(JSON.stringify(portal)).not.toContain('secret-value');
  });

  it('has no OIDC settings in basic mode, whatever PAI_OIDC_* says', () => {
    expect(loadConfig({ PAI_OIDC_AUTHORITY: 'not a url' }).oidc).toBeUndefined();
  });
});

describe('NonceLedger', () => {
  it('accepts a sign-in once, and a refreshed token of it only when newer', () => {
    let now = 1000;
    const ledger = new NonceLedger(() => now);
    expect(ledger.accept('nonce:a', 1000, 4600)).toBe(true);
    expect(ledger.accept('nonce:a', 1000, 4600)).toBe(false);
    expect(ledger.accept('nonce:b', 1000, 4600)).toBe(true);
    expect(ledger.accept('nonce:a', 1500, 5100)).toBe(true);
    expect(ledger.accept('nonce:a', 1200, 4800)).toBe(false);
    now = 6000; // long after expiry: forgotten, and a token that old fails verification anyway
    expect(ledger.accept('nonce:a', 1500, 5100)).toBe(true);
  });
});
