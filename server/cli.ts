import { JOBS_USAGE, USERS_USAGE } from './cli/usage.ts';
import { ConfigError, StartupError } from './config-error.ts';

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    // Each command loads only its own modules, so `users` and `jobs` start quickly.
    case 'serve':
      return (await import('./cli/serve-command.ts')).serve();
    case 'users':
      process.exitCode = await (await import('./cli/users-command.ts')).usersCommand(args);
      return;
    case 'jobs':
      process.exitCode = await (await import('./cli/jobs-command.ts')).jobsCommand(args);
      return;
    default:
      console.error(`usage: pai serve | ${USERS_USAGE} | ${JOBS_USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Invalid configuration: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof StartupError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
