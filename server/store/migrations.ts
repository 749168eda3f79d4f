/**
 * Versioned schema migrations, applied in order inside one transaction each.
 * Append new entries; never edit one that has shipped.
 */
export const migrations: readonly string[] = [
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

  -- One row per job. Status columns follow CONTRACT §5.2/§5.3 and are written by the runtime.
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
];
