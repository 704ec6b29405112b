import { MASKED_SECRET, type Registry, type RegistryBody } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { entError } from '../domain/errors.js';
import type { Services } from '../services.js';
import { RemoteRegistry, type PingResult } from '../replication/remote-registry.js';

/**
 * The registries an instance replicates to or from. A registry is reached at its URL with its
 * basic credential (none when the user name is empty); `insecure` skips the TLS certificate check,
 * as Harbor's flag of that name does. Its health is the answer to the last check of `/v2/`: when it
 * is added or changed, when it is shown, and when a run uses it. The secret is kept as given (the
 * sandbox keeps every credential in its own database) and answered as `*****` only.
 */

export interface RegistryRow {
  id: number;
  instance_id: string;
  name: string;
  definition: string;
  status: 'healthy' | 'unhealthy';
  status_text: string;
  created_at: string;
  updated_at: string;
}

/** SWR's quotas are undocumented; Harbor sets none. These keep one instance's lists readable. */
export const MAX_REGISTRIES = 50;
export const MAX_REPLICATION_POLICIES = 100;

/** How long a check of a registry may take before it counts as down. */
const CHECK_TIMEOUT_MS = 5_000;

export const definitionOf = (row: RegistryRow) => JSON.parse(row.definition) as RegistryBody;

/**
 * The body to store: a masked secret on update keeps the one stored, while the registry stays at
 * its origin. Another origin must be given the secret again: else whoever may edit a registry, but
 * not read its secret, could have it sent to a host of theirs by the check that follows.
 */
export function storedDefinition(body: RegistryBody, previous?: RegistryBody): string {
  const kept = body.credential.access_secret === MASKED_SECRET && previous !== undefined;
  if (kept && new URL(body.url).origin !== new URL(previous.url).origin)
    throw entError.invalid(
      `Invalid body.credential.access_secret: the address changes from ${new URL(previous.url).origin} to ${new URL(body.url).origin}; enter the secret again to use it there.`,
    );
  const secret = kept ? previous.credential.access_secret : body.credential.access_secret;
  return JSON.stringify({ ...body, credential: { ...body.credential, access_secret: secret } });
}

export function toRegistry(row: RegistryRow): Registry {
  const definition = definitionOf(row);
  return {
    id: row.id,
    name: row.name,
    description: definition.description ?? '',
    type: definition.type,
    url: definition.url,
    region_id: definition.region_id ?? '',
    instance_id: definition.instance_id ?? '',
    ...(definition.credential.access_key
      ? { credential: { ...definition.credential, access_secret: MASKED_SECRET } }
      : {}),
    insecure: definition.insecure,
    status: row.status,
    status_text: row.status_text,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function findRegistry(db: Db, instanceId: string, id: number): RegistryRow | undefined {
  return db
    .prepare('SELECT * FROM ent_registries WHERE id = ? AND instance_id = ?')
    .get(id, instanceId) as RegistryRow | undefined;
}

/** A client of the registry, with its credential; close it when done. */
export function remoteOf(definition: RegistryBody, timeoutMs = 30_000): RemoteRegistry {
  const { access_key: username, access_secret: password } = definition.credential;
  return new RemoteRegistry({
    url: definition.url,
    ...(username ? { username, password } : {}),
    insecure: definition.insecure,
    timeoutMs,
  });
}

/** Asks the registry whether it answers and takes the credential, and stores what it said. */
export async function checkRegistry(
  services: Pick<Services, 'db' | 'clock'>,
  row: RegistryRow,
): Promise<PingResult> {
  const remote = remoteOf(definitionOf(row), CHECK_TIMEOUT_MS);
  let result: PingResult;
  try {
    result = await remote.ping({ signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
  } catch (error) {
    result = { ok: false, reason: 'timeout', message: (error as Error).message };
  } finally {
    remote.close();
  }
  // Stored only while the registry is still what was checked: a check of an address changed
  // meanwhile must not speak for the new one.
  services.db
    .prepare(
      'UPDATE ent_registries SET status = ?, status_text = ? WHERE id = ? AND definition = ?',
    )
    .run(
      result.ok ? 'healthy' : 'unhealthy',
      result.ok ? '' : result.message,
      row.id,
      row.definition,
    );
  return result;
}
