/**
 * The schema, as an append-only list of migrations: the database records how many have run
 * (`PRAGMA user_version`) and runs the rest in one transaction at start-up.
 */
import { enterpriseMigrations } from './schema-enterprise.js';

export const migrations: string[] = [
  `
  CREATE TABLE domains (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    -- Only for the sandbox's own seeded users, so endpoints.json can name their passwords again.
    sandbox_password TEXT,
    is_root INTEGER NOT NULL DEFAULT 0,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (domain_id, name)
  );
  CREATE TABLE access_keys (
    access_key TEXT PRIMARY KEY,
    secret_key TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    region TEXT NOT NULL,
    UNIQUE (domain_id, region)
  );
  CREATE TABLE iam_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    project_id TEXT REFERENCES projects(id),
    expires_at TEXT NOT NULL
  );
  CREATE TABLE temporary_logins (
    login_id TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    region TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );

  CREATE TABLE namespaces (
    id INTEGER PRIMARY KEY,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    creator_id TEXT NOT NULL,
    creator_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (region, name)
  );
  CREATE TABLE namespace_grants (
    namespace_id INTEGER NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    auth INTEGER NOT NULL,
    PRIMARY KEY (namespace_id, user_id)
  );
  CREATE TABLE repositories (
    id INTEGER PRIMARY KEY,
    namespace_id INTEGER NOT NULL REFERENCES namespaces(id),
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT 'other',
    description TEXT NOT NULL DEFAULT '',
    is_public INTEGER NOT NULL DEFAULT 0,
    creator_id TEXT NOT NULL,
    creator_name TEXT NOT NULL,
    num_download INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (namespace_id, name)
  );
  CREATE TABLE repository_grants (
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    auth INTEGER NOT NULL,
    PRIMARY KEY (repository_id, user_id)
  );
  CREATE TABLE manifests (
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    media_type TEXT NOT NULL,
    body TEXT NOT NULL,
    size INTEGER NOT NULL,
    config_digest TEXT NOT NULL DEFAULT '',
    platforms TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    PRIMARY KEY (repository_id, digest)
  );
  CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    digest TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (repository_id, name)
  );
  CREATE INDEX tags_by_update ON tags (repository_id, updated_at, name);
  CREATE INDEX tags_by_digest ON tags (repository_id, digest);

  CREATE TABLE shares (
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    domain_name TEXT NOT NULL,
    permit TEXT NOT NULL,
    deadline TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    creator_id TEXT NOT NULL,
    creator_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (repository_id, domain_id)
  );

  CREATE TABLE sync_tasks (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    remote_region TEXT NOT NULL,
    remote_namespace TEXT NOT NULL,
    sync_auto INTEGER NOT NULL,
    override INTEGER NOT NULL,
    creator_id TEXT NOT NULL,
    creator_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (repository_id, remote_region, remote_namespace)
  );
  CREATE TABLE sync_jobs (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    remote_region TEXT NOT NULL,
    remote_namespace TEXT NOT NULL,
    override INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    operator_id TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX sync_jobs_by_status ON sync_jobs (status, id);
  CREATE INDEX sync_jobs_by_repository ON sync_jobs (repository_id, created_at);

  CREATE TABLE triggers (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    enable TEXT NOT NULL,
    creator_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (repository_id, name)
  );
  CREATE TABLE trigger_history (
    id INTEGER PRIMARY KEY,
    trigger_id INTEGER NOT NULL REFERENCES triggers(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    result TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE retentions (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL UNIQUE REFERENCES repositories(id) ON DELETE CASCADE,
    algorithm TEXT NOT NULL,
    rules TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE retention_logs (
    id INTEGER PRIMARY KEY,
    retention_id INTEGER NOT NULL,
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    namespace TEXT NOT NULL,
    repo TEXT NOT NULL,
    tag TEXT NOT NULL,
    rule_type TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX retention_logs_by_repository ON retention_logs (repository_id, created_at);

  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    run_after TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX jobs_ready ON jobs (status, run_after, id);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE downloads (
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    bytes INTEGER NOT NULL DEFAULT 0,
    pulls INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (repository_id, day)
  );
  `,
  // Sync jobs retry with backoff, like other jobs: an empty time means "at once".
  `ALTER TABLE sync_jobs ADD COLUMN run_after TEXT NOT NULL DEFAULT '';`,
  ...enterpriseMigrations,
];
