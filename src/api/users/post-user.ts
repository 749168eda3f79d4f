import { apiRequest } from '../../lib/api-client.ts';

export interface NewUser {
  username: string;
  password: string;
  admin: boolean;
  email: string;
  virtualCluster: string[];
}

/** `POST /api/v2/user` (admin): 201, or 409 ConflictUserError when the name is taken. */
export function createUser(user: NewUser): Promise<unknown> {
  return apiRequest('/api/v2/user', { method: 'POST', body: user });
}
