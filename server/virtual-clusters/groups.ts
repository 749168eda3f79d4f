import type { ClusterConfig } from '../cluster-config.ts';
import { PaiError } from '../errors.ts';
import type { UserRecord } from '../store/users.ts';
import { userInfo } from '../users/user-accounts.ts';
import { ADMIN_GROUP } from './vc-rules.ts';

/** An OpenPAI v0.16 group (models/v2/group.js). */
export interface GroupInfo {
  groupname: string;
  description: string;
  externalName: string;
  extension: { acls: { admin: boolean; virtualClusters: string[] } };
}

/**
 * Groups as they mean something on this server: OpenPAI made one group per virtual cluster
 * (granting that VC) and an admin group (granting admin and every VC). Here they follow from the
 * VCs and the users' admin flags; they are not stored on their own.
 */
export function groupsOf(cluster: ClusterConfig): GroupInfo[] {
  const vcs = Object.keys(cluster.virtualClusters);
  const group = (groupname: string, admin: boolean, virtualClusters: string[]): GroupInfo => ({
    groupname,
    description: admin ? 'Administrators: every virtual cluster' : `Virtual cluster ${groupname}`,
    externalName: '',
    extension: { acls: { admin, virtualClusters } },
  });
  return [group(ADMIN_GROUP, true, vcs), ...vcs.map((vc) => group(vc, false, [vc]))];
}

export function groupOf(cluster: ClusterConfig, name: string): GroupInfo {
  const found = groupsOf(cluster).find((group) => group.groupname === name);
  if (!found) throw new PaiError(404, 'NoGroupError', `Group ${name} is not found.`);
  return found;
}

/** `GET /api/v2/group/:group/userlist`: members, as `{username, clusterAdmin}`. */
export function membersOf(users: UserRecord[], cluster: ClusterConfig, group: string) {
  return users
    .filter((user) => userInfo(user, cluster).grouplist.includes(group))
    .map((user) => ({ username: user.username, clusterAdmin: user.admin }));
}
