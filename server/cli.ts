import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './store/db.ts';

async function serve(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config.dataDir);
  const app = await buildApp({ config, db });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`PAI Portal is serving at ${address}`);
  const close = async () => {
    await app.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

async function main(argv: string[]): Promise<void> {
  const [command] = argv;
  switch (command) {
    case 'serve':
      return serve();
    default:
      console.error('usage: pai serve | users add NAME [--admin] [--password-stdin] | jobs import FILE');
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Invalid configuration: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
