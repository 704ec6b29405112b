/** What the grouping needs of a tag: SWR's list items have exactly these keys. */
export interface TagRef {
  Tag: string;
  digest: string;
}

/**
 * For every tag whose image (digest) is also tagged by other loaded tags, those other tags, in
 * the order given. Tags with an image of their own are absent.
 */
export function sameImageTags(rows: readonly TagRef[]): Map<string, string[]> {
  const byDigest = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.digest) continue;
    const tags = byDigest.get(row.digest);
    if (tags) tags.push(row.Tag);
    else byDigest.set(row.digest, [row.Tag]);
  }
  const result = new Map<string, string[]>();
  for (const tags of byDigest.values()) {
    if (tags.length < 2) continue;
    for (const tag of tags)
      result.set(
        tag,
        tags.filter((other) => other !== tag),
      );
  }
  return result;
}

/**
 * For every tag about to be deleted, the loaded tags of the same image that stay: deleting a tag
 * leaves its image in the registry when they exist, which a user deleting "to free space" should know.
 */
export function tagsKeepingImage(
  deleting: readonly TagRef[],
  loaded: readonly TagRef[],
): Map<string, string[]> {
  const gone = new Set(deleting.map((row) => row.Tag));
  const result = new Map<string, string[]>();
  for (const row of deleting) {
    const staying = loaded
      .filter((other) => other.digest === row.digest && !gone.has(other.Tag))
      .map((other) => other.Tag);
    if (staying.length > 0) result.set(row.Tag, [...new Set(staying)]);
  }
  return result;
}
