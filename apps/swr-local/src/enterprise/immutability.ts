import { ImmutabilityMatcher, signedDigestOf, type ImmutableRuleShape } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { Refusal } from '../registry/front.js';

/**
 * Immutable tags, enforced wherever a tag could change: a push through the registry front, a
 * manifest deletion there, and the API's tag and artifact deletions. Cosign signature tags
 * (`sha256-<hex>.sig`) are accessories of their artifact and stay writable, so signing keeps
 * working under a rule such as `**`.
 */

export interface ImmutableRuleRow {
  id: number;
  namespace_id: number;
  definition: string;
  created_at: string;
  updated_at: string;
}

export function rulesOf(db: Db, namespaceId: number): (ImmutableRuleShape & { id: number })[] {
  const rows = db
    .prepare('SELECT * FROM ent_immutable_rules WHERE namespace_id = ? ORDER BY id')
    .all(namespaceId) as ImmutableRuleRow[];
  return rows.map((row) => ({ ...(JSON.parse(row.definition) as ImmutableRuleShape), id: row.id }));
}

/** The tags of a list that a namespace's rules protect in a repository. */
export function immutableTags(
  db: Db,
  namespaceId: number,
  repository: string,
  tags: readonly string[],
): string[] {
  const writable = tags.filter((tag) => signedDigestOf(tag) === undefined);
  if (writable.length === 0) return [];
  return new ImmutabilityMatcher(rulesOf(db, namespaceId)).immutableTags(repository, writable);
}

/** Harbor's answer to a change of an immutable tag, which docker and skopeo print as is. */
export function immutableRefusal(image: string, tags: readonly string[]): Refusal {
  const named = tags.map((tag) => `${image}:${tag}`).join(', ');
  return {
    status: 412,
    code: 'PRECONDITION',
    message: `${named} ${tags.length === 1 ? 'is' : 'are'} configured as immutable and cannot be changed or deleted`,
  };
}
