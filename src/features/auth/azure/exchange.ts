import type { LoginResponse } from '../../../../contract/api-types.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { ProviderTokens } from './msal-client.ts';

/** `POST /api/v1/authn/oidc/return`: the cluster verifies the ID token and answers its own token. */
export function exchangeProviderTokens(tokens: ProviderTokens): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/v1/authn/oidc/return', {
    method: 'POST',
    body: tokens,
    anonymous: true,
  });
}
