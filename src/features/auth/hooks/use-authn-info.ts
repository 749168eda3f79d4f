import { useQuery } from '@tanstack/react-query';
import { authnInfoQueryOptions } from '../../../api/authn/get-authn-info.ts';

export function useAuthnInfo() {
  return useQuery(authnInfoQueryOptions());
}
