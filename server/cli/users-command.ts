import { generatePassword } from '../auth/password.ts';
import { loadClusterConfig } from '../cluster-config.ts';
import { loadConfig } from '../config.ts';
import { USERS_USAGE } from './usage.ts';
import { PaiError } from '../errors.ts';
import { openDatabase } from '../store/db.ts';
import { UserStore } from '../store/users.ts';
import { createUserAccount } from '../users/user-accounts.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `users add NAME [--admin] [--password-stdin]`: works whether or not the server runs. */
export async function usersCommand(args: string[]): Promise<number> {
  const [action, username, ...flags] = args;
  const unknown = flags.filter((flag) => flag !== '--admin' && flag !== '--password-stdin');
  if (action !== 'add' || !username || username.startsWith('-') || unknown.length > 0) {
    console.error(`usage: pai ${USERS_USAGE}`);
    return 2;
  }
  const fromStdin = flags.includes('--password-stdin');
  const password = fromStdin ? await readStdin() : generatePassword();
  const config = loadConfig();
  const db = openDatabase(config.dataDir);
  try {
    await createUserAccount(new UserStore(db), loadClusterConfig(config.clusterConfigPath), {
      username,
      password,
      admin: flags.includes('--admin'),
    });
  } catch (error) {
    if (!(error instanceof PaiError)) throw error;
    console.error(`Cannot add user ${username}: ${error.message}`);
    return 1;
  } finally {
    db.close();
  }
  const role = flags.includes('--admin') ? 'administrator' : 'user';
  console.log(
    fromStdin
      ? `Added ${role} ${username}.`
      : `Added ${role} ${username} with password: ${password}`,
  );
  return 0;
}
