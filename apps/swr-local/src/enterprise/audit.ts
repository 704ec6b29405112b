import type { Db } from '../db/database.js';

/**
 * The audit log of an instance: every push (`create`), pull and delete, whether it came through the
 * registry front or the API, with who and when. Rows are written in the same database as the
 * change they describe and kept when the resource goes; nothing deletes them.
 */
export type AuditOperation = 'create' | 'delete' | 'pull';

export interface AuditEntry {
  instanceId: string;
  operation: AuditOperation;
  /** `artifact`, `tag`, `repository` or `namespace`. */
  resourceType: string;
  /** `namespace/repository:tag`, `namespace/repository@digest`, … */
  resource: string;
  username: string;
  at: string;
}

export function recordAudit(db: Db, entry: AuditEntry): void {
  db.prepare(
    `INSERT INTO ent_audit_logs (instance_id, operation, resource_type, resource, username, op_time)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.instanceId,
    entry.operation,
    entry.resourceType,
    entry.resource,
    entry.username,
    entry.at,
  );
}

/** How an image reference reads in the log: a tag after `:`, a digest after `@`. */
export function resourceOf(path: string, reference: string): string {
  return reference.includes(':') ? `${path}@${reference}` : `${path}:${reference}`;
}

/** An entry for a change made through the API, by the calling user, now. */
export function auditEntry(
  context: { principal: { user: { name: string } }; services: { clock: () => Date } },
  instance: { id: string },
  operation: AuditOperation,
  resourceType: string,
  resource: string,
): AuditEntry {
  return {
    instanceId: instance.id,
    operation,
    resourceType,
    resource,
    username: context.principal.user.name,
    at: context.services.clock().toISOString(),
  };
}
