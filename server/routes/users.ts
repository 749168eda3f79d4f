import type { FastifyInstance } from 'fastify';
import type { UserListItem } from '../../contract/api-types.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { userOf, type RequestUser } from '../auth/request-user.ts';
import { PaiError, forbidden } from '../errors.ts';
import type { Services } from '../services.ts';
import type { UserRecord } from '../store/users.ts';
import {
  assertVirtualClustersExist,
  createUserAccount,
  noUser,
  noUserToChange,
  userInfo,
} from '../users/user-accounts.ts';
import { deleteUserAccount } from '../users/delete-user.ts';
import { compileValidator } from '../validation/schema-validator.ts';

type UserRoute = { Params: { username: string } };

const validatePasswordChange = compileValidator<{ oldPassword?: string; newPassword: string }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['newPassword'],
    properties: {
      oldPassword: { type: 'string', maxLength: 1024 },
      newPassword: { type: 'string', minLength: 6, maxLength: 1024 },
    },
  },
  'body',
);

const validateVirtualClusters = compileValidator<{ virtualCluster: string[] }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['virtualCluster'],
    properties: { virtualCluster: { type: 'array', items: { type: 'string' } } },
  },
  'body',
);

function assertAdmin(caller: RequestUser): void {
  if (!caller.admin) throw forbidden('Non-admin is not allow to do this operation.');
}

function assertSelfOrAdmin(caller: RequestUser, username: string): void {
  if (caller.username !== username && !caller.admin) {
    throw forbidden(`User ${caller.username} is not allowed to access user ${username}.`);
  }
}

/** User management (docs/api.md §8.2): `/api/v2/user…`, and `GET /api/v1/user/:username`. */
export function registerUserRoutes(app: FastifyInstance, services: Services): void {
  const { auth, cluster, tokens, users } = services;
  const hooks = { onRequest: auth.notApplication };

  const existing = (username: string): UserRecord => {
    const user = users.get(username);
    if (!user) throw noUser(username);
    return user;
  };
  /** OpenPAI: reading an unknown user is 400, changing or removing one 404. */
  const existingToChange = (username: string): UserRecord => {
    const user = users.get(username);
    if (!user) throw noUserToChange(username);
    return user;
  };

  for (const path of ['/api/v1/user/:username', '/api/v2/user/:username']) {
    app.get<UserRoute>(path, hooks, async (request) => {
      assertSelfOrAdmin(userOf(request), request.params.username);
      return userInfo(existing(request.params.username), cluster);
    });
  }

  app.get('/api/v2/user', hooks, async (request): Promise<UserListItem[]> => {
    assertAdmin(userOf(request));
    const jobCounts = users.jobCounts();
    return users.list().map((user) => ({
      ...userInfo(user, cluster),
      jobCount: jobCounts.get(user.username) ?? 0,
      lastSignInTime: user.lastSignInTime,
    }));
  });

  app.post('/api/v2/user', hooks, async (request, reply) => {
    assertAdmin(userOf(request));
    await createUserAccount(users, cluster, request.body ?? {});
    return reply.status(201).send({ message: 'User is created successfully' });
  });

  app.put<UserRoute>('/api/v2/user/:username/password', hooks, async (request, reply) => {
    const caller = userOf(request);
    const { username } = request.params;
    assertSelfOrAdmin(caller, username);
    const { oldPassword, newPassword } = validatePasswordChange(request.body ?? {});
    const user = existingToChange(username);
    if (
      !caller.admin &&
      !(oldPassword !== undefined && (await verifyPassword(oldPassword, user.passwordHash)))
    ) {
      throw forbidden('Pls input the correct password.');
    }
    users.setPasswordHash(username, await hashPassword(newPassword));
    // Every token ends with the old password, application tokens too; the caller's own session stays.
    tokens.revokeAllOf(username, caller.username === username ? caller.token : undefined);
    return reply.status(201).send({ message: 'update user password successfully.' });
  });

  app.put<UserRoute>('/api/v2/user/:username/virtualcluster', hooks, async (request, reply) => {
    assertAdmin(userOf(request));
    const { virtualCluster } = validateVirtualClusters(request.body ?? {});
    assertVirtualClustersExist(cluster, virtualCluster);
    if (existingToChange(request.params.username).admin) {
      throw forbidden("Admin's virtual clusters cannot be updated.");
    }
    users.setVirtualClusters(request.params.username, [...new Set(virtualCluster)]);
    return reply.status(201).send({ message: 'Update user virtualCluster data successfully.' });
  });

  app.delete<UserRoute>('/api/v2/user/:username', hooks, async (request) => {
    assertAdmin(userOf(request));
    const user = existingToChange(request.params.username);
    if (user.admin)
      throw new PaiError(
        403,
        'RemoveAdminError',
        `Admin ${user.username} is not allowed to remove.`,
      );
    deleteUserAccount(services, user);
    return { message: 'user is removed successfully' };
  });
}
