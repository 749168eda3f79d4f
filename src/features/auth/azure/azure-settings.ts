import { runtimeConfig, type RuntimeConfig } from '../../../lib/runtime-config.ts';

/** Azure AD sign-in as config.json describes it. */
export interface AzureSettings {
  /** `msal`: MSAL in this page; `server`: OpenPAI's redirect through the REST server. */
  flow: 'msal' | 'server';
  clientId: string;
  authority: string;
  /** Where the provider sends people back: this portal's sign-in page unless config.json says otherwise. */
  redirectUri: string;
  scopes: string[];
  knownAuthorities: string[];
  protocolMode: 'AAD' | 'OIDC';
}

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item !== '')
    : [];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export const defaultRedirectUri = () => `${window.location.origin}${import.meta.env.BASE_URL}login`;

/**
 * The Azure AD settings of config.json, or null when it says the cluster uses passwords or lacks
 * what MSAL needs (the login page then says so).
 */
export function azureSettings(config: RuntimeConfig = runtimeConfig()): AzureSettings | null {
  if (config.authnMethod === 'basic') return null;
  const flow = config.authnFlow === 'server' ? 'server' : 'msal';
  const clientId = text(config.clientId);
  const authority = text(config.authority);
  if (flow === 'msal' && (!clientId || !authority)) return null;
  return {
    flow,
    clientId,
    authority,
    redirectUri: text(config.redirectUri) || defaultRedirectUri(),
    scopes: strings(config.scopes),
    knownAuthorities: strings(config.knownAuthorities),
    protocolMode: config.protocolMode === 'OIDC' ? 'OIDC' : 'AAD',
  };
}
