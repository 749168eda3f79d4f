import { generatePassword, hashPassword } from '../auth/password.ts';
import { loadClusterConfig } from '../cluster-config.ts';
import { loadConfig } from '../config.ts';
import { USERS_USAGE } from './usage.ts';
import { PaiError } from '../errors.ts';
import { openDatabase, type Db } from '../store/db.ts';
import { TokenStore } from '../store/tokens.ts';
import { UserStore } from '../store/users.ts';
import { createUserAccount, validateNewUser } from '../users/user-accounts.ts';
import { formatUserTable } from './user-table.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function usage(): number {
  console.error(`usage: pai ${USERS_USAGE}`);
  return 2;
}

/** Opens the store for one command; works whether or not the server runs (SQLite WAL). */
async function withStore<T>(run: (db: Db) => Promise<T> | T): Promise<T> {
  const db = openDatabase(loadConfig().dataDir);
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

async function addUser(username: string, flags: string[]): Promise<number> {
  const fromStdin = flags.includes('--password-stdin');
  const password = fromStdin ? await readStdin() : generatePassword();
  const cluster = loadClusterConfig(loadConfig().clusterConfigPath);
  try {
    await withStore((db) =>
      createUserAccount(new UserStore(db), cluster, {
        username,
        password,
        admin: flags.includes('--admin'),
      }),
    );
  } catch (error) {
    if (!(error instanceof PaiError)) throw error;
    console.error(`Cannot add user ${username}: ${error.message}`);
    return 1;
  }
  const role = flags.includes('--admin') ? 'administrator' : 'user';
  console.log(
    fromStdin
      ? `Added ${role} ${username}.`
      : `Added ${role} ${username} with password: ${password}`,
  );
  return 0;
}

async function setPassword(username: string, flags: string[]): Promise<number> {
  const fromStdin = flags.includes('--password-stdin');
  const password = fromStdin ? await readStdin() : generatePassword();
  try {
    // The same rule as `users add` and the API: 6 to 1024 characters.
    validateNewUser({ username, password });
  } catch (error) {
    if (!(error instanceof PaiError)) throw error;
    console.error(`Cannot set the password of ${username}: ${error.message}`);
    return 1;
  }
  const hash = await hashPassword(password);
  const found = await withStore((db) => {
    const users = new UserStore(db);
    if (!users.get(username)) return false;
    users.setPasswordHash(username, hash);
    // Tokens issued before the change end (sessions and application tokens), as the API does.
    new TokenStore(db).revokeAllOf(username);
    return true;
  });
  if (!found) {
    console.error(`Cannot set the password of ${username}: User ${username} is not found.`);
    return 1;
  }
  console.log(
    fromStdin
      ? `Changed the password of ${username}; their tokens are revoked.`
      : `Changed the password of ${username}; their tokens are revoked. New password: ${password}`,
  );
  return 0;
}

async function setAdmin(username: string, value: string): Promise<number> {
  const admin = value === 'on';
  const found = await withStore((db) => {
    const users = new UserStore(db);
    if (!users.get(username)) return false;
    users.setAdmin(username, admin);
    return true;
  });
  if (!found) {
    console.error(`Cannot change user ${username}: User ${username} is not found.`);
    return 1;
  }
  console.log(`${username} is ${admin ? 'now' : 'no longer'} an administrator.`);
  return 0;
}

/**
 * `users add NAME [--admin] [--password-stdin]`, `users list`,
 * `users passwd NAME [--password-stdin]`, `users admin NAME on|off`.
 */
export async function usersCommand(args: string[]): Promise<number> {
  const [action, username, ...rest] = args;
  if (action === 'list') {
    if (username !== undefined) return usage();
    const table = await withStore((db) => {
      const users = new UserStore(db);
      return formatUserTable(users.list(), users.jobCounts());
    });
    console.log(table);
    return 0;
  }
  if (!username || username.startsWith('-')) return usage();
  const only = (allowed: string[]) => rest.every((flag) => allowed.includes(flag));
  if (action === 'add' && only(['--admin', '--password-stdin'])) return addUser(username, rest);
  if (action === 'passwd' && only(['--password-stdin'])) return setPassword(username, rest);
  if (action === 'admin' && rest.length === 1 && (rest[0] === 'on' || rest[0] === 'off'))
    return setAdmin(username, rest[0]);
  return usage();
}
