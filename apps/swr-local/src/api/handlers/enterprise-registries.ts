import type { Db } from '../../db/database.js';
import { entError } from '../../domain/errors.js';
import type { InstanceRow } from '../../enterprise/records.js';
import {
  checkRegistry,
  definitionOf as registryDefinition,
  findRegistry,
  MAX_REGISTRIES,
  storedDefinition,
  toRegistry,
  type RegistryRow,
} from '../../enterprise/registries.js';
import { definitionOf, type ReplicationPolicyRow } from '../../enterprise/replication.js';
import type { Handlers } from '../handler.js';
import { count, nameTaken } from './enterprise-replication.js';
import { instanceOf, page } from './enterprise-scope.js';

type Ids =
  | 'CreateInstanceRegistry'
  | 'ListInstanceRegistries'
  | 'ShowInstanceRegistry'
  | 'UpdateInstanceRegistry'
  | 'DeleteInstanceRegistry';

function registryOf(db: Db, instance: InstanceRow, id: number): RegistryRow {
  const row = findRegistry(db, instance.id, id);
  if (!row) throw entError.notFound(`Registry ${id} does not exist.`);
  return row;
}

/** The registries an instance replicates to or from; each checked when added, changed or shown. */
export const enterpriseRegistryHandlers: Pick<Handlers, Ids> = {
  async CreateInstanceRegistry(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const { body } = context;
    if (nameTaken(db, 'ent_registries', instance, body.name))
      throw entError.exists(`A registry named "${body.name}" already exists.`);
    if (count(db, 'ent_registries', instance) >= MAX_REGISTRIES)
      throw entError.invalid(`An instance holds at most ${MAX_REGISTRIES} registries.`);
    const at = context.now.toISOString();
    const id = Number(
      db
        .prepare(
          'INSERT INTO ent_registries (instance_id, name, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(instance.id, body.name, storedDefinition(body), at, at).lastInsertRowid,
    );
    await checkRegistry(context.services, findRegistry(db, instance.id, id)!);
    return { body: { id } };
  },

  ListInstanceRegistries(context) {
    const instance = instanceOf(context);
    const { offset, limit } = page(context.query);
    const {
      name,
      type,
      order_column: column = 'created_at',
      order_type: order = 'desc',
    } = context.query;
    const rows = (
      context.services.db
        .prepare(
          `SELECT * FROM ent_registries WHERE instance_id = ? ORDER BY ${column} ${order}, id`,
        )
        .all(instance.id) as RegistryRow[]
    ).filter(
      (row) =>
        (name === undefined || row.name.includes(name)) &&
        (type === undefined || registryDefinition(row).type === type),
    );
    return {
      body: { registries: rows.slice(offset, offset + limit).map(toRegistry), total: rows.length },
    };
  },

  async ShowInstanceRegistry(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const row = registryOf(db, instance, context.params.registry_id);
    await checkRegistry(context.services, row);
    return { body: toRegistry(registryOf(db, instance, row.id)) };
  },

  async UpdateInstanceRegistry(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const row = registryOf(db, instance, context.params.registry_id);
    const { body } = context;
    if (nameTaken(db, 'ent_registries', instance, body.name, row.id))
      throw entError.exists(`A registry named "${body.name}" already exists.`);
    db.prepare(
      'UPDATE ent_registries SET name = ?, definition = ?, updated_at = ? WHERE id = ?',
    ).run(
      body.name,
      storedDefinition(body, registryDefinition(row)),
      context.now.toISOString(),
      row.id,
    );
    await checkRegistry(context.services, registryOf(db, instance, row.id));
  },

  DeleteInstanceRegistry(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const row = registryOf(db, instance, context.params.registry_id);
    const users = (
      db
        .prepare('SELECT * FROM ent_replication_policies WHERE instance_id = ?')
        .all(instance.id) as ReplicationPolicyRow[]
    ).filter((policy) => {
      const body = definitionOf(policy);
      return (body.dest_registry ?? body.src_registry)?.id === row.id;
    });
    if (users.length > 0)
      throw entError.busy(
        `Registry "${row.name}" is used by replication ${users.length === 1 ? 'policy' : 'policies'} ${users.map((policy) => `"${policy.name}"`).join(', ')}; delete or change ${users.length === 1 ? 'it' : 'them'} first.`,
      );
    db.prepare('DELETE FROM ent_registries WHERE id = ?').run(row.id);
  },
};
