import { RESOURCE_TAG_LIMITS, type ResourceTag } from '@swr-console/swr-api';

/** Editing a namespace's resource tags: checks as the user types, and the calls a save needs. */

export interface TagRow {
  key: string;
  value: string;
}

export type TagProblem = 'keyEmpty' | 'keyLong' | 'keyDuplicate' | 'valueLong';

/** Problems per row; an empty object when the rows can be saved. */
export function tagProblems(rows: TagRow[]): Record<number, TagProblem> {
  const problems: Record<number, TagProblem> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '') problems[index] = 'keyEmpty';
    else if (key.length > RESOURCE_TAG_LIMITS.keyLength) problems[index] = 'keyLong';
    else if (seen.has(key)) problems[index] = 'keyDuplicate';
    else if (row.value.length > RESOURCE_TAG_LIMITS.valueLength) problems[index] = 'valueLong';
    seen.add(key);
  });
  return problems;
}

/**
 * What a save sends: keys that went away are removed (by key), keys that are new or changed
 * are added (SWR's add replaces a key's value). Unchanged tags are not sent at all.
 */
export function tagChanges(
  before: ResourceTag[],
  after: TagRow[],
): { add: ResourceTag[]; remove: ResourceTag[] } {
  const now = new Map(after.map((row) => [row.key.trim(), row.value]));
  const was = new Map(before.map((tag) => [tag.key, tag.value]));
  return {
    remove: before.filter((tag) => !now.has(tag.key)).map((tag) => ({ key: tag.key, value: '' })),
    add: [...now]
      .filter(([key, value]) => was.get(key) !== value)
      .map(([key, value]) => ({ key, value })),
  };
}
