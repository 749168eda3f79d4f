import type Database from 'better-sqlite3';
import { tokenId } from './token-id.ts';

/** SQL, or a function for what SQL cannot do (hashing). */
export type Migration = string | ((db: Database.Database) => void);

/** 5: tokens are kept as their SHA-256 only; existing rows are hashed in place. */
function hashStoredTokens(db: Database.Database): void {
  // The dropped rows' bytes are zeroed, not left in free pages of the file.
  db.pragma('secure_delete = ON');
  db.exec(`
  CREATE TABLE tokens_hashed (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    application INTEGER NOT NULL DEFAULT 0,
    created_time INTEGER NOT NULL,
    expires_time INTEGER
  );`);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO tokens_hashed (token_hash, username, application, created_time, expires_time) VALUES (?, ?, ?, ?, ?)',
  );
  const rows = db.prepare('SELECT * FROM tokens').all() as {
    token: string;
    username: string;
    application: number;
    created_time: number;
    expires_time: number | null;
  }[];
  for (const row of rows) {
    insert.run(
      tokenId(row.token),
      row.username,
      row.application,
      row.created_time,
      row.expires_time,
    );
  }
  db.exec(`
  DROP TABLE tokens;
  ALTER TABLE tokens_hashed RENAME TO tokens;
  CREATE INDEX tokens_by_user ON tokens(username);`);
}

/**
 * Versioned schema migrations, applied in order inside one transaction each.
 * Append new entries; never edit one that has shipped.
 */
export const migrations: readonly Migration[] = [
  // 1: users, tokens, jobs, task instances
  `
  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    admin INTEGER NOT NULL DEFAULT 0,
    email TEXT NOT NULL DEFAULT '',
    virtual_clusters TEXT NOT NULL DEFAULT '["default"]',
    extension TEXT NOT NULL DEFAULT '{}',
    created_time INTEGER NOT NULL
  );

  CREATE TABLE tokens (
    token TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    application INTEGER NOT NULL DEFAULT 0,
    created_time INTEGER NOT NULL,
    expires_time INTEGER
  );
  CREATE INDEX tokens_by_user ON tokens(username);

  -- One row per job. Status columns follow docs/api.md §5.2/§5.3 and are written by the runtime.
  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    framework_name TEXT NOT NULL UNIQUE,      -- 'alice~job1', or 'job1' for a legacy job
    name TEXT NOT NULL,                       -- job name without the namespace
    namespace TEXT,                           -- NULL for legacy jobs
    username TEXT NOT NULL,                   -- who submitted it
    legacy INTEGER NOT NULL DEFAULT 0,
    virtual_cluster TEXT NOT NULL,
    config_text TEXT,                         -- exactly what was submitted (GET /config)
    config_json TEXT,                         -- the validated config with defaults applied
    state TEXT NOT NULL DEFAULT 'WAITING',
    sub_state TEXT NOT NULL DEFAULT 'FRAMEWORK_WAITING',
    execution_type TEXT NOT NULL DEFAULT 'START',
    retries_user INTEGER NOT NULL DEFAULT 0,
    retries_platform INTEGER NOT NULL DEFAULT 0,
    retries_resource INTEGER NOT NULL DEFAULT 0,
    created_time INTEGER NOT NULL,
    completed_time INTEGER,
    app_launched_time INTEGER,
    app_completed_time INTEGER,
    app_exit_code INTEGER,
    app_exit_diagnostics TEXT,
    app_exit_trigger_message TEXT,
    app_exit_trigger_task_role_name TEXT,
    app_exit_trigger_task_index INTEGER,
    app_exit_type TEXT,
    total_gpu_number INTEGER NOT NULL DEFAULT 0,
    total_task_number INTEGER NOT NULL DEFAULT 0,
    total_task_role_number INTEGER NOT NULL DEFAULT 0
  );

  -- One row per task instance of the current attempt; written by the runtime.
  CREATE TABLE tasks (
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    task_role TEXT NOT NULL,
    task_index INTEGER NOT NULL,
    attempt INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'WAITING',
    container_id TEXT,
    container_ip TEXT,
    container_ports TEXT,                     -- JSON object label -> port string
    container_gpus INTEGER,
    container_exit_code INTEGER,
    pid INTEGER,
    started_time INTEGER,
    completed_time INTEGER,
    PRIMARY KEY (job_id, task_role, task_index)
  );
  `,
  // 2: imported job history; indexes for the paged job list; keyword search
  `
  -- 1 for jobs imported from another cluster's history: the runtime never schedules or recovers them.
  ALTER TABLE jobs ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;

  CREATE INDEX jobs_by_created ON jobs(created_time, id);
  CREATE INDEX jobs_by_username ON jobs(username, created_time, id);
  CREATE INDEX jobs_by_state ON jobs(state, created_time, id);
  CREATE INDEX jobs_by_vc ON jobs(virtual_cluster, created_time, id);
  CREATE INDEX jobs_legacy ON jobs(created_time, id) WHERE legacy = 1;
  CREATE INDEX jobs_by_name ON jobs(name COLLATE NOCASE, id);
  CREATE INDEX jobs_by_username_nocase ON jobs(username COLLATE NOCASE, id);
  CREATE INDEX jobs_by_completed ON jobs(completed_time, id);
  CREATE INDEX jobs_by_retries ON jobs((retries_user + retries_platform + retries_resource), id);
  CREATE INDEX jobs_by_task_number ON jobs(total_task_number, id);
  CREATE INDEX jobs_by_gpu_number ON jobs(total_gpu_number, id);

  -- Substring search on job name and user: trigrams find any substring of 3+ characters.
  CREATE VIRTUAL TABLE jobs_search USING fts5(
    name, username, content = 'jobs', content_rowid = 'id', tokenize = 'trigram'
  );
  INSERT INTO jobs_search(jobs_search) VALUES ('rebuild');
  CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN
    INSERT INTO jobs_search(rowid, name, username) VALUES (new.id, new.name, new.username);
  END;
  CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN
    INSERT INTO jobs_search(jobs_search, rowid, name, username) VALUES ('delete', old.id, old.name, old.username);
  END;
  CREATE TRIGGER jobs_search_update AFTER UPDATE OF name, username ON jobs BEGIN
    INSERT INTO jobs_search(jobs_search, rowid, name, username) VALUES ('delete', old.id, old.name, old.username);
    INSERT INTO jobs_search(rowid, name, username) VALUES (new.id, new.name, new.username);
  END;
  `,
  // 3: job runtime: attempt number, the decided outcome while remaining tasks are stopped, task
  // diagnostics, and one row per finished attempt (retry history)
  `
  ALTER TABLE jobs ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE jobs ADD COLUMN pending_outcome TEXT;   -- JSON, set from the deciding task's end until the job ends
  ALTER TABLE tasks ADD COLUMN exit_diagnostics TEXT;

  CREATE TABLE job_attempts (
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    launched_time INTEGER,
    completed_time INTEGER NOT NULL,
    exit_code INTEGER,
    exit_diagnostics TEXT,
    failure_kind TEXT,                        -- user | platform | resource, for retryDetails
    trigger_task_role_name TEXT,
    trigger_task_index INTEGER,
    PRIMARY KEY (job_id, attempt)
  );
  `,
  // 4: the legacy filter as an ordinary index, so the planner searches it under any sort order
  `
  DROP INDEX jobs_legacy;
  CREATE INDEX jobs_by_legacy ON jobs(legacy, created_time, id);
  `,
  hashStoredTokens,
  // 6: resource samples per task attempt (CPU, memory, GPU memory), thinned to a bounded count
  `
  CREATE TABLE task_metrics (
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    task_role TEXT NOT NULL,
    task_index INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    time INTEGER NOT NULL,                    -- ms since the epoch
    cpu_percent REAL NOT NULL,                -- 100 = one core busy
    rss_bytes INTEGER NOT NULL,
    gpu_memory_bytes INTEGER                  -- NULL where nvidia-smi is absent
  );
  CREATE INDEX task_metrics_by_task ON task_metrics(job_id, task_role, task_index, attempt, time);
  `,
  // 7: virtual clusters made through the API (a share of the default VC), and stopped VCs
  `
  CREATE TABLE virtual_clusters (
    name TEXT PRIMARY KEY,
    capacity REAL NOT NULL,                   -- percent of the configured default VC
    max_capacity REAL NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    external_name TEXT NOT NULL DEFAULT '',
    created_time INTEGER NOT NULL
  );
  CREATE TABLE stopped_virtual_clusters (name TEXT PRIMARY KEY);
  `,
  // 8: a stable id per user, kept on their jobs: a later user of the same name is someone else.
  // Existing jobs belong to the user of their name today; jobs of names without a user (imported
  // history) stay NULL and are matched by name until that name's user is deleted.
  `
  ALTER TABLE users ADD COLUMN user_id TEXT;
  UPDATE users SET user_id = lower(hex(randomblob(16)));
  CREATE UNIQUE INDEX users_by_user_id ON users(user_id);
  ALTER TABLE jobs ADD COLUMN user_id TEXT;
  UPDATE jobs SET user_id = (SELECT user_id FROM users WHERE users.username = jobs.username);
  CREATE INDEX jobs_by_user_id ON jobs(user_id, state);
  `,
  // 9: when each user last signed in (password or OIDC); NULL for users who have not since
  `
  ALTER TABLE users ADD COLUMN last_sign_in_time INTEGER;
  `,
  // 10: application tokens carry the name their owner gave them (GET /api/v1/token/application)
  `
  ALTER TABLE tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';
  `,
  // 11: mean utilisation of a task's GPUs per sample (nvidia-smi), beside their memory
  `
  ALTER TABLE task_metrics ADD COLUMN gpu_percent REAL;   -- 0-100; NULL without GPUs or nvidia-smi
  `,
];
