import { generatePassword } from '../auth/password.ts';
import { writeSecret } from '../auth/secrets.ts';
import type { ClusterConfig } from '../cluster-config.ts';
import type { ServerConfig } from '../config.ts';
import type { UserStore } from '../store/users.ts';
import { createUserAccount } from './user-accounts.ts';

export const ADMIN_PASSWORD_FILE = 'admin-password';

export interface FirstAdmin {
  username: string;
  /** Set when the password was generated (print it once); stored 0600 in the data dir. */
  generatedPassword?: string;
}

/**
 * Creates the administrator on first start (empty user table) from PAI_ADMIN_USERNAME and
 * PAI_ADMIN_PASSWORD, generating a strong password when none is given. Null when users exist.
 */
export async function ensureFirstAdmin(
  users: UserStore,
  cluster: ClusterConfig,
  config: Pick<ServerConfig, 'adminUsername' | 'adminPassword' | 'dataDir'>,
): Promise<FirstAdmin | null> {
  if (users.count() > 0) return null;
  const generatedPassword = config.adminPassword === undefined ? generatePassword() : undefined;
  await createUserAccount(users, cluster, {
    username: config.adminUsername,
    password: config.adminPassword ?? generatedPassword,
    admin: true,
    virtualCluster: Object.keys(cluster.virtualClusters),
  });
  if (generatedPassword === undefined) return { username: config.adminUsername };
  writeSecret(config.dataDir, ADMIN_PASSWORD_FILE, generatedPassword);
  return { username: config.adminUsername, generatedPassword };
}
