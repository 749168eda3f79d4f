// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { azureSettings } from './azure-settings.ts';
import { takeServerAnswer } from './server-flow.ts';

describe('Azure AD settings from config.json', () => {
  const msal = {
    restServerUri: '',
    authnMethod: 'OIDC' as const,
    clientId: 'app',
    authority: 'https://login.example.org/tenant',
  };

  it('reads what MSAL needs, with the sign-in page as default redirect URI', () => {
    expect(
      azureSettings({
        ...msal,
        scopes: ['openid', 'User.Read', 3],
        knownAuthorities: ['login.example.org'],
        protocolMode: 'OIDC',
      }),
    ).toEqual({
      flow: 'msal',
      clientId: 'app',
      authority: 'https://login.example.org/tenant',
      redirectUri: `${window.location.origin}/login`,
      scopes: ['openid', 'User.Read'],
      knownAuthorities: ['login.example.org'],
      protocolMode: 'OIDC',
    });
  });

  it('is absent for password clusters, and for MSAL without a client ID or authority', () => {
    expect(azureSettings({ ...msal, authnMethod: 'basic' })).toBeNull();
    expect(azureSettings({ ...msal, clientId: '' })).toBeNull();
    expect(
      azureSettings({ restServerUri: '', authnMethod: 'OIDC', authority: 'https://x' }),
    ).toBeNull();
  });

  it('needs nothing more than authnFlow for the server flow', () => {
    expect(
      azureSettings({
        restServerUri: 'https://pai.example.org/rest-server',
        authnMethod: 'OIDC',
        authnFlow: 'server',
      }),
    ).toMatchObject({
      flow: 'server',
      redirectUri: `${window.location.origin}/login`,
    });
  });
});

describe('the server flow’s answer in the address', () => {
  it('takes user, token and admin out of the address without a new history entry, and keeps from', () => {
    window.history.replaceState(
      null,
      '',
      '/login?user=carol&token=eyJ.abc.def&admin=true&from=%2Fjobs%3Fstate%3DRUNNING',
    );
    const length = window.history.length;
    expect(takeServerAnswer()).toEqual({
      login: { user: 'carol', token: 'eyJ.abc.def', admin: true },
      from: '/jobs?state=RUNNING',
    });
    expect(window.location.search).toBe('?from=%2Fjobs%3Fstate%3DRUNNING');
    expect(window.history.length).toBe(length);
    expect(takeServerAnswer()).toBeNull();
  });

  it('turns errorMessage into an error for the person', () => {
    window.history.replaceState(
      null,
      '',
      '/login?errorMessage=The+identity+provider+did+not+sign+you+in',
    );
    expect(takeServerAnswer()).toEqual({
      error: 'The identity provider did not sign you in',
      from: '/',
    });
    expect(window.location.search).toBe('');
  });
});
