/**
 * The Enterprise edition's migrations, in the order they were added to `schema.ts`'s list (which
 * spreads them after the Basic edition's): instances and signing, security, then replication,
 * retention, webhooks and long-term credentials, then untagging's write-ahead.
 */
export const enterpriseMigrations: string[] = [
  // The Enterprise edition: instances with their own registry, and the key service for signing.
  `
  CREATE TABLE ent_instances (
    id TEXT PRIMARY KEY,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    spec TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (domain_id, region, name)
  );
  CREATE TABLE ent_namespaces (
    id INTEGER PRIMARY KEY,
    instance_id TEXT NOT NULL REFERENCES ent_instances(id),
    name TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (instance_id, name)
  );
  CREATE TABLE ent_namespace_tags (
    namespace_id INTEGER NOT NULL REFERENCES ent_namespaces(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (namespace_id, key)
  );
  CREATE INDEX ent_namespace_tags_by_key ON ent_namespace_tags (key, value);
  CREATE TABLE ent_repositories (
    id INTEGER PRIMARY KEY,
    namespace_id INTEGER NOT NULL REFERENCES ent_namespaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    pull_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (namespace_id, name)
  );
  CREATE TABLE ent_artifacts (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES ent_repositories(id) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    type TEXT NOT NULL,
    media_type TEXT NOT NULL,
    manifest_media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    -- For a cosign signature: the digest of the artifact it signs.
    subject_digest TEXT,
    push_time TEXT NOT NULL,
    pull_time TEXT NOT NULL DEFAULT '',
    UNIQUE (repository_id, digest)
  );
  CREATE INDEX ent_artifacts_by_subject ON ent_artifacts (repository_id, subject_digest);
  CREATE TABLE ent_tags (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES ent_repositories(id) ON DELETE CASCADE,
    artifact_id INTEGER NOT NULL REFERENCES ent_artifacts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    push_time TEXT NOT NULL,
    pull_time TEXT NOT NULL DEFAULT '',
    UNIQUE (repository_id, name)
  );
  CREATE TABLE kms_keys (
    id TEXT PRIMARY KEY,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    region TEXT NOT NULL,
    alias TEXT NOT NULL,
    spec TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    public_key TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (domain_id, region, alias)
  );
  CREATE TABLE ent_sign_policies (
    id INTEGER PRIMARY KEY,
    namespace_id INTEGER NOT NULL REFERENCES ent_namespaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    creator TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (namespace_id, name)
  );
  CREATE TABLE ent_sign_executions (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES ent_sign_policies(id) ON DELETE CASCADE,
    trigger TEXT NOT NULL,
    status TEXT NOT NULL,
    status_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE ent_sign_tasks (
    id INTEGER PRIMARY KEY,
    execution_id INTEGER NOT NULL REFERENCES ent_sign_executions(id) ON DELETE CASCADE,
    namespace TEXT NOT NULL,
    repository TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE ent_sign_subtasks (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES ent_sign_tasks(id) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    tags TEXT NOT NULL,
    status TEXT NOT NULL,
    status_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE ent_scans (
    artifact_id INTEGER PRIMARY KEY REFERENCES ent_artifacts(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    report TEXT,
    status_text TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    ended_at TEXT
  );
  CREATE TABLE ent_cve_allowlists (
    namespace_id INTEGER PRIMARY KEY REFERENCES ent_namespaces(id) ON DELETE CASCADE,
    items TEXT NOT NULL,
    expires_at INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE ent_immutable_rules (
    id INTEGER PRIMARY KEY,
    namespace_id INTEGER NOT NULL REFERENCES ent_namespaces(id) ON DELETE CASCADE,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE ent_audit_logs (
    id INTEGER PRIMARY KEY,
    instance_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource TEXT NOT NULL,
    username TEXT NOT NULL,
    op_time TEXT NOT NULL
  );
  CREATE INDEX ent_audit_logs_by_operation ON ent_audit_logs (instance_id, operation, id);
  `,
  `
  CREATE TABLE ent_lt_credentials (
    token_id TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    UNIQUE (instance_id, user_id, name)
  );
  CREATE TABLE ent_retention_policies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    namespace_id INTEGER NOT NULL UNIQUE REFERENCES ent_namespaces(id) ON DELETE CASCADE,
    definition TEXT NOT NULL,
    next_run_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE ent_retention_executions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    policy_id INTEGER NOT NULL REFERENCES ent_retention_policies(id) ON DELETE CASCADE,
    dry_run INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    operator TEXT NOT NULL,
    status TEXT NOT NULL,
    status_text TEXT NOT NULL DEFAULT '',
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE ent_retention_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id INTEGER NOT NULL REFERENCES ent_retention_executions(id) ON DELETE CASCADE,
    repository TEXT NOT NULL,
    status TEXT NOT NULL,
    status_code INTEGER NOT NULL DEFAULT 0,
    status_revision INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    retained INTEGER NOT NULL DEFAULT 0,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE ent_retention_subtasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES ent_retention_tasks(id) ON DELETE CASCADE,
    namespace TEXT NOT NULL,
    repository TEXT NOT NULL,
    tag TEXT NOT NULL,
    digest TEXT NOT NULL,
    status TEXT NOT NULL,
    status_text TEXT NOT NULL DEFAULT '',
    op_time TEXT NOT NULL
  );
  CREATE TABLE ent_webhooks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    namespace_id INTEGER NOT NULL REFERENCES ent_namespaces(id) ON DELETE CASCADE,
    definition TEXT NOT NULL,
    creator TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE ent_webhook_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    policy_id INTEGER NOT NULL REFERENCES ent_webhooks(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    notify_type TEXT NOT NULL,
    address TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    status_text TEXT NOT NULL DEFAULT '',
    job_detail TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX ent_webhook_jobs_by_policy ON ent_webhook_jobs (policy_id, id);
  CREATE TABLE ent_registries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'healthy',
    status_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (instance_id, name)
  );
  CREATE TABLE ent_replication_policies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    creator_id TEXT NOT NULL,
    next_run_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (instance_id, name)
  );
  CREATE TABLE ent_replication_executions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    policy_id INTEGER NOT NULL REFERENCES ent_replication_policies(id) ON DELETE CASCADE,
    trigger TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    -- For a run a push started: the one tag it copies, as namespace/repository:tag.
    only_tag TEXT,
    status TEXT NOT NULL,
    status_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE ent_replication_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id INTEGER NOT NULL REFERENCES ent_replication_executions(id) ON DELETE CASCADE,
    src_resource TEXT NOT NULL,
    dst_resource TEXT NOT NULL,
    status TEXT NOT NULL,
    status_revision INTEGER NOT NULL DEFAULT 0,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE ent_replication_subtasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES ent_replication_tasks(id) ON DELETE CASCADE,
    namespace TEXT NOT NULL,
    repository TEXT NOT NULL,
    tag TEXT NOT NULL,
    digest TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    status_text TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    start_time TEXT NOT NULL DEFAULT '',
    end_time TEXT NOT NULL DEFAULT ''
  );
  `,
  // Untagging deletes a manifest and writes it back under its other tags: what is to be written
  // back is stored first, so that a registry that fails in between loses no tag (removal.ts).
  `
  CREATE TABLE ent_manifest_restores (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    repository TEXT NOT NULL,
    digest TEXT NOT NULL,
    media_type TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    untagged TEXT NOT NULL
  );
  CREATE INDEX ent_manifest_restores_by_repository ON ent_manifest_restores (instance_id, repository);
  `,
];
