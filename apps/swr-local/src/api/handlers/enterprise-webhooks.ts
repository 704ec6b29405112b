import {
  parseAuthHeader,
  type WebhookBody,
  type WebhookJob,
  type WebhookPolicy,
  type WebhookTarget,
  MASKED_SECRET,
} from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { entError } from '../../domain/errors.js';
import type { EntNamespaceRow } from '../../enterprise/records.js';
import {
  definitionOf,
  MAX_WEBHOOKS_PER_NAMESPACE,
  type WebhookJobRow,
  type WebhookRow,
} from '../../enterprise/webhooks.js';
import type { Handlers } from '../handler.js';
import { instanceOf, namespaceOf, page, pageOfRows } from './enterprise-scope.js';

type Ids =
  | 'CreateInstanceWebhook'
  | 'ListInstanceWebhooks'
  | 'ShowInstanceWebhook'
  | 'UpdateInstanceWebhook'
  | 'DeleteInstanceWebhook'
  | 'ListInstanceWebhookJobs';

/** `name:*****` for each header of a target; the names stay, so the console can show them. */
function maskedHeaders(authHeader: string): string {
  const parsed = parseAuthHeader(authHeader);
  // Stored headers were checked when written; should one not parse, show nothing of it.
  if ('problem' in parsed) return MASKED_SECRET;
  return parsed.headers.map(([name]) => `${name}:${MASKED_SECRET}`).join(';');
}

function toPolicy(row: WebhookRow, namespace: { id: number; name: string }): WebhookPolicy {
  const definition = definitionOf(row);
  return {
    id: row.id,
    name: definition.name,
    description: definition.description ?? '',
    targets: definition.targets.map(({ auth_header: authHeader, ...target }) => ({
      ...target,
      ...(authHeader !== undefined && { auth_header: maskedHeaders(authHeader) }),
    })),
    event_types: definition.event_types,
    enabled: definition.enabled,
    namespace_id: namespace.id,
    namespace_name: namespace.name,
    creator: row.creator,
    created_at: row.created_at,
    updated_at: row.updated_at,
    scope_rules: definition.scope_rules,
  };
}

function webhookOf(db: Db, namespace: EntNamespaceRow, id: number): WebhookRow {
  const row = db
    .prepare('SELECT * FROM ent_webhooks WHERE id = ? AND namespace_id = ?')
    .get(id, namespace.id) as WebhookRow | undefined;
  if (!row) throw entError.notFound(`Webhook ${id} does not exist in "${namespace.name}".`);
  return row;
}

function webhookScope(
  context: Parameters<typeof instanceOf>[0] & {
    params: { namespace_name: string; policy_id: number };
  },
  change = false,
) {
  const instance = instanceOf(context, change);
  const { db } = context.services;
  const namespace = namespaceOf(db, instance, context.params.namespace_name);
  return { db, namespace, webhook: webhookOf(db, namespace, context.params.policy_id) };
}

function refuseTakenName(db: Db, namespace: EntNamespaceRow, name: string, except = -1): void {
  const rows = db
    .prepare('SELECT * FROM ent_webhooks WHERE namespace_id = ? AND id != ?')
    .all(namespace.id, except) as WebhookRow[];
  if (rows.some((row) => definitionOf(row).name === name))
    throw entError.exists(`A webhook named "${name}" already exists in "${namespace.name}".`);
}

/** A delivery job names its target by address, so a webhook calls each address once. */
function refuseRepeatedAddresses(targets: readonly WebhookTarget[]): void {
  targets.forEach((target, i) => {
    if (targets.findIndex((other) => other.address === target.address) < i)
      throw entError.invalid(
        `Invalid body.targets.${i}.address: "${target.address}" is already a target of this webhook.`,
      );
  });
}

/** A header sent as `*****` on create is a masked answer sent back: there is no value to keep. */
const createdTargets = (sent: readonly WebhookTarget[]) =>
  sent.map((target, i) =>
    target.auth_header === undefined
      ? target
      : { ...target, auth_header: keptSecrets(target.auth_header, undefined, i) },
  );

/**
 * The targets an update stores: SWR documents a target's address as not modifiable, so target i
 * keeps the address of stored target i (targets may be added after, or removed from the end); a
 * header sent as `*****` keeps the value stored for that name in that target.
 */
function updatedTargets(sent: readonly WebhookTarget[], stored: readonly WebhookTarget[]) {
  return sent.map((target, i) => {
    const before = stored[i];
    if (!before) return target;
    if (target.address !== before.address)
      throw entError.invalid(
        `Invalid body.targets.${i}.address: the address of a target cannot change; it is "${before.address}". Delete the webhook and create one to call another address.`,
      );
    if (target.auth_header === undefined) return target;
    return { ...target, auth_header: keptSecrets(target.auth_header, before.auth_header, i) };
  });
}

function keptSecrets(sent: string, stored: string | undefined, index: number): string {
  const parsed = parseAuthHeader(stored ?? '');
  const storedValues = new Map(
    'problem' in parsed ? [] : parsed.headers.map(([name, value]) => [name.toLowerCase(), value]),
  );
  const kept = sent
    .split(';')
    .map((entry) => {
      const colon = entry.indexOf(':');
      if (colon < 0 || entry.slice(colon + 1).trim() !== MASKED_SECRET) return entry;
      const name = entry.slice(0, colon).trim();
      const value = storedValues.get(name.toLowerCase());
      if (value === undefined)
        throw entError.invalid(
          `Invalid body.targets.${index}.auth_header: ${name} has no stored value to keep; send its value instead of ${MASKED_SECRET}.`,
        );
      return `${entry.slice(0, colon)}:${value}`;
    })
    .join(';');
  const problem = parseAuthHeader(kept);
  if ('problem' in problem)
    throw entError.invalid(`Invalid body.targets.${index}.auth_header: ${problem.problem}`);
  return kept;
}

function toJob(row: WebhookJobRow): WebhookJob {
  return {
    id: row.id,
    policy_id: row.policy_id,
    event_type: row.event_type,
    notify_type: row.notify_type,
    status: row.status,
    status_text: row.status_text,
    job_detail: row.job_detail,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

const SORTABLE = {
  created_at: (row: WebhookRow) => row.created_at,
  updated_at: (row: WebhookRow) => row.updated_at,
  name: (row: WebhookRow) => definitionOf(row).name,
};

/**
 * Webhooks: per namespace, at most {@link MAX_WEBHOOKS_PER_NAMESPACE} (more is SWR's
 * limitExceeded, 400), names unique in the namespace; listed per instance. Header values are
 * secrets: answers show `name:*****`, and an update sending `*****` keeps the stored value.
 */
export const enterpriseWebhookHandlers: Pick<Handlers, Ids> = {
  CreateInstanceWebhook(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const body: WebhookBody = { ...context.body, targets: createdTargets(context.body.targets) };
    refuseRepeatedAddresses(body.targets);
    refuseTakenName(db, namespace, body.name);
    const count = db
      .prepare('SELECT COUNT(*) FROM ent_webhooks WHERE namespace_id = ?')
      .pluck()
      .get(namespace.id) as number;
    if (count >= MAX_WEBHOOKS_PER_NAMESPACE)
      throw entError.limit(
        `Namespace "${namespace.name}" has ${count} webhooks, the most it may have; delete one first.`,
      );
    const at = context.now.toISOString();
    const id = Number(
      db
        .prepare(
          'INSERT INTO ent_webhooks (namespace_id, definition, creator, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(namespace.id, JSON.stringify(body), context.principal.user.name, at, at)
        .lastInsertRowid,
    );
    return { body: { id } };
  },

  ListInstanceWebhooks(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const { offset, limit } = page(context.query);
    const { name, namespace_id: namespaceId, order_column: column, order_type } = context.query;
    const rows = (
      db
        .prepare(
          `SELECT w.*, n.name AS namespace_name FROM ent_webhooks w JOIN ent_namespaces n ON n.id = w.namespace_id
           WHERE n.instance_id = ? AND (? IS NULL OR n.id = ?) ORDER BY w.id DESC`,
        )
        .all(instance.id, namespaceId ?? null, namespaceId ?? null) as (WebhookRow & {
        namespace_name: string;
      })[]
    ).filter((row) => name === undefined || definitionOf(row).name.includes(name));
    if (column) {
      const key = SORTABLE[column];
      const direction = order_type === 'asc' ? 1 : -1;
      rows.sort((a, b) => direction * (key(a).localeCompare(key(b)) || a.id - b.id));
    }
    return {
      body: {
        policies: rows
          .slice(offset, offset + limit)
          .map((row) => toPolicy(row, { id: row.namespace_id, name: row.namespace_name })),
        total: rows.length,
      },
    };
  },

  ShowInstanceWebhook(context) {
    const { namespace, webhook } = webhookScope(context);
    return { body: toPolicy(webhook, namespace) };
  },

  UpdateInstanceWebhook(context) {
    const { db, namespace, webhook } = webhookScope(context, true);
    const { body } = context;
    const stored = definitionOf(webhook);
    refuseRepeatedAddresses(body.targets);
    const targets = updatedTargets(body.targets, stored.targets);
    refuseTakenName(db, namespace, body.name, webhook.id);
    const definition: WebhookBody = {
      ...body,
      targets,
      event_types: body.event_types ?? stored.event_types,
    };
    db.prepare('UPDATE ent_webhooks SET definition = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(definition),
      context.now.toISOString(),
      webhook.id,
    );
  },

  DeleteInstanceWebhook(context) {
    const { db, webhook } = webhookScope(context, true);
    // Its jobs go with it (ON DELETE CASCADE); a delivery queued for one finds nothing to do.
    db.prepare('DELETE FROM ent_webhooks WHERE id = ?').run(webhook.id);
  },

  ListInstanceWebhookJobs(context) {
    const { db, webhook } = webhookScope(context);
    const { rows, total } = pageOfRows<WebhookJobRow>(
      db,
      ['ent_webhook_jobs', 'policy_id'],
      webhook.id,
      context.query,
      'DESC',
    );
    return { body: { jobs: rows.map(toJob), total } };
  },
};
