import type { LoginResponse } from '../../../contract/api-types.ts';
import { apiRequest } from '../../lib/api-client.ts';

/** What the cluster exchanges for its own token. */
export interface ProviderTokens {
  idToken: string;
  accessToken?: string;
}

/** `POST /api/v1/authn/oidc/return`: the cluster verifies the ID token and answers its own token. */
export function exchangeProviderTokens(tokens: ProviderTokens): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/v1/authn/oidc/return', {
    method: 'POST',
    body: tokens,
    anonymous: true,
  });
}
