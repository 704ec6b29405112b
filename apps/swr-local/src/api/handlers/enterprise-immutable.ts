import type { ImmutableRule, ImmutableRuleBody } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import type { ImmutableRuleRow } from '../../enterprise/immutability.js';
import type { EntNamespaceRow } from '../../enterprise/records.js';
import { entError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';
import { instanceOf, namespaceOf, page } from './enterprise-scope.js';

type Ids =
  'CreateImmutableRule' | 'ListImmutableRules' | 'UpdateImmutableRule' | 'DeleteImmutableRule';

/** SWR's limit is undocumented; Harbor allows 15 immutability rules per project, and so do we. */
export const MAX_IMMUTABLE_RULES = 15;

/** What a rule stores: the body with SWR's defaults filled in. */
function definitionOf(body: ImmutableRuleBody): string {
  return JSON.stringify({
    priority: body.priority ?? 0,
    disabled: body.disabled ?? false,
    action: body.action ?? 'immutable',
    template: body.template ?? 'immutable_template',
    tag_selectors: body.tag_selectors,
    scope_selectors: body.scope_selectors,
  });
}

function toRule(row: ImmutableRuleRow & { namespace_name: string }): ImmutableRule {
  return {
    ...(JSON.parse(row.definition) as Required<ImmutableRuleBody>),
    id: row.id,
    namespace_id: row.namespace_id,
    namespace_name: row.namespace_name,
  };
}

/** Two rules that select the same repositories and tags are one rule twice. */
function refuseDuplicate(db: Db, namespace: EntNamespaceRow, body: ImmutableRuleBody, except = 0) {
  const wanted = JSON.stringify([body.scope_selectors, body.tag_selectors]);
  const rows = db
    .prepare('SELECT id, definition FROM ent_immutable_rules WHERE namespace_id = ? AND id != ?')
    .all(namespace.id, except) as { id: number; definition: string }[];
  for (const row of rows) {
    const stored = JSON.parse(row.definition) as ImmutableRuleBody;
    if (JSON.stringify([stored.scope_selectors, stored.tag_selectors]) === wanted)
      throw entError.exists(
        `Rule ${row.id} of namespace "${namespace.name}" selects the same tags.`,
      );
  }
}

function ruleOf(db: Db, namespace: EntNamespaceRow, id: number): ImmutableRuleRow {
  const row = db
    .prepare('SELECT * FROM ent_immutable_rules WHERE id = ? AND namespace_id = ?')
    .get(id, namespace.id) as ImmutableRuleRow | undefined;
  if (!row)
    throw entError.notFound(`Immutability rule ${id} of "${namespace.name}" does not exist.`);
  return row;
}

/** Immutable tag rules: per namespace, listed per instance. */
export const enterpriseImmutableHandlers: Pick<Handlers, Ids> = {
  CreateImmutableRule(context) {
    const instance = instanceOf(context, true);
    const { db, clock } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const count = db
      .prepare('SELECT COUNT(*) FROM ent_immutable_rules WHERE namespace_id = ?')
      .pluck()
      .get(namespace.id) as number;
    if (count >= MAX_IMMUTABLE_RULES)
      throw entError.limit(
        `A namespace has at most ${MAX_IMMUTABLE_RULES} immutability rules; "${namespace.name}" has ${count}.`,
      );
    refuseDuplicate(db, namespace, context.body);
    const at = clock().toISOString();
    const id = db
      .prepare(
        'INSERT INTO ent_immutable_rules (namespace_id, definition, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id',
      )
      .pluck()
      .get(namespace.id, definitionOf(context.body), at, at) as number;
    return { body: { id } };
  },

  ListImmutableRules(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const { offset, limit } = page(context.query);
    const filter = context.query.namespace_id === undefined ? '' : ' AND n.id = ?';
    const args: unknown[] = [instance.id];
    if (context.query.namespace_id !== undefined) args.push(context.query.namespace_id);
    const from = `FROM ent_immutable_rules r JOIN ent_namespaces n ON n.id = r.namespace_id WHERE n.instance_id = ?${filter}`;
    const total = db
      .prepare(`SELECT COUNT(*) ${from}`)
      .pluck()
      .get(...args) as number;
    const rows = db
      .prepare(`SELECT r.*, n.name AS namespace_name ${from} ORDER BY r.id LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as (ImmutableRuleRow & { namespace_name: string })[];
    return { body: { immutable_rules: rows.map(toRule), total } };
  },

  UpdateImmutableRule(context) {
    const instance = instanceOf(context, true);
    const { db, clock } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const rule = ruleOf(db, namespace, context.params.immutable_rule_id);
    refuseDuplicate(db, namespace, context.body, rule.id);
    db.prepare('UPDATE ent_immutable_rules SET definition = ?, updated_at = ? WHERE id = ?').run(
      definitionOf(context.body),
      clock().toISOString(),
      rule.id,
    );
  },

  DeleteImmutableRule(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const rule = ruleOf(db, namespace, context.params.immutable_rule_id);
    db.prepare('DELETE FROM ent_immutable_rules WHERE id = ?').run(rule.id);
  },
};
