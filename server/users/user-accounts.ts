import type { UserInfo } from '../../contract/api-types.ts';
import { hashPassword } from '../auth/password.ts';
import type { ClusterConfig } from '../cluster-config.ts';
import { PaiError } from '../errors.ts';
import type { UserRecord, UserStore } from '../store/users.ts';
import { compileValidator } from '../validation/schema-validator.ts';
import { USER_NAME_SCHEMA } from '../validation/user-name.ts';

export interface NewUserBody {
  username: string;
  password: string;
  admin: boolean;
  email: string;
  /** Absent → `default` when the cluster has it. */
  virtualCluster?: string[];
  extension: Record<string, unknown>;
}

/** `POST /api/v2/user` (docs/api.md §8.2); the CLI and the first-start admin go through it too. */
export const validateNewUser = compileValidator<NewUserBody>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'password'],
    properties: {
      username: USER_NAME_SCHEMA,
      password: { type: 'string', minLength: 6, maxLength: 1024 },
      admin: { type: 'boolean', default: false },
      email: { type: 'string', maxLength: 254, default: '' },
      virtualCluster: { type: 'array', items: { type: 'string' } },
      extension: { type: 'object', default: {} },
    },
  },
  'body',
);

export const noUser = (username: string) =>
  new PaiError(400, 'NoUserError', `User ${username} is not found.`);

/** OpenPAI's answer when the user to change or remove does not exist. */
export const noUserToChange = (username: string) =>
  new PaiError(404, 'NoUserError', `User ${username} not found.`);

/** 400 NoVirtualClusterError, as OpenPAI answered a grant of an unknown VC. */
export function assertVirtualClustersExist(cluster: ClusterConfig, names: string[]): void {
  const unknown = names.filter((name) => !Object.hasOwn(cluster.virtualClusters, name));
  if (unknown.length > 0) {
    throw new PaiError(
      400,
      'NoVirtualClusterError',
      `Try to update nonexist: ${unknown.join(',')}`,
    );
  }
}

/** Validates, hashes the password and stores the user; 409 ConflictUserError if the name is taken. */
export async function createUserAccount(
  users: UserStore,
  cluster: ClusterConfig,
  body: unknown,
): Promise<UserRecord> {
  const user = validateNewUser(body);
  const virtualClusters =
    user.virtualCluster ?? (Object.hasOwn(cluster.virtualClusters, 'default') ? ['default'] : []);
  assertVirtualClustersExist(cluster, virtualClusters);
  const record = {
    username: user.username,
    passwordHash: await hashPassword(user.password),
    admin: user.admin,
    email: user.email,
    virtualClusters: [...new Set(virtualClusters)],
    extension: user.extension,
  };
  const id = users.create(record);
  if (id === null)
    throw new PaiError(409, 'ConflictUserError', `User ${user.username} already exists.`);
  return { ...record, id, createdTime: Date.now(), lastSignInTime: null };
}

/** Virtual clusters a user may submit to: admins to all. */
export function grantedVirtualClusters(user: UserRecord, cluster: ClusterConfig): string[] {
  return user.admin ? Object.keys(cluster.virtualClusters) : user.virtualClusters;
}

/** The user as the API shows it (never with the password hash). */
export function userInfo(user: UserRecord, cluster: ClusterConfig): UserInfo {
  const virtualCluster = grantedVirtualClusters(user, cluster);
  return {
    username: user.username,
    email: user.email,
    grouplist: user.admin ? [...virtualCluster, 'admingroup'] : virtualCluster,
    extension: user.extension,
    admin: user.admin,
    virtualCluster,
    storageConfig: [],
  };
}
