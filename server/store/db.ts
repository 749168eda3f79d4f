import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations.ts';
import { storageStartupError } from './open-error.ts';

export type Db = Database.Database;

const statementCaches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * `sql` prepared once per connection, for statements of every request (sign-in check, job list):
 * preparing one costs more than running it. Never change a cached statement's mode (pluck, raw).
 */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let cache = statementCaches.get(db);
  if (!cache) statementCaches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= 500) cache.clear(); // list queries vary with their filters
    cache.set(sql, (statement = db.prepare(sql)));
  }
  return statement;
}

/**
 * Opens (creating if needed) the SQLite store under `dataDir` and brings its schema up to date.
 * A database that cannot be opened (read-only, unreadable, not a database, full disk) is a
 * StartupError of one line naming the file.
 */
export function openDatabase(dataDir: string): Db {
  const path = join(dataDir, 'pai.sqlite');
  let db: Db | undefined;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    db = new Database(path);
    // The WAL and shared-memory files SQLite creates take the database file's mode.
    chmodSync(path, 0o600);
    db.pragma('journal_mode = WAL');
    for (const file of [`${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    // Planner statistics when missing or stale (SQLite's advice for long-lived connections): without
    // them a user+state filter walks every job in that state instead of the user's jobs.
    db.pragma('optimize = 0x10002');
    return db;
  } catch (error) {
    db?.close();
    throw storageStartupError('open the database', path, dataDir, error);
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      const migration = migrations[version]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
