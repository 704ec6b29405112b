/**
 * What a sync of chosen tags will do in the target, tag by tag, before it is started:
 * - `copy`: the target lacks the tag;
 * - `same`: the target has the tag on the same image (SWR reports it as existed; nothing changes);
 * - `kept`: the target has the tag on another image, and without override it stays as it is;
 * - `replace`: the target has the tag on another image, and override replaces it.
 */
export type SyncOutcome = 'copy' | 'same' | 'kept' | 'replace';

export interface PreviewRow {
  tag: string;
  digest: string;
  targetDigest: string | undefined;
  outcome: SyncOutcome;
}

export function previewSync(
  tags: readonly { name: string; digest: string }[],
  target: ReadonlyMap<string, string>,
  override: boolean,
): PreviewRow[] {
  return tags.map(({ name, digest }) => {
    const targetDigest = target.get(name);
    const outcome: SyncOutcome =
      targetDigest === undefined
        ? 'copy'
        : targetDigest === digest
          ? 'same'
          : override
            ? 'replace'
            : 'kept';
    return { tag: name, digest, targetDigest, outcome };
  });
}

export function countOutcomes(rows: readonly PreviewRow[]): Record<SyncOutcome, number> {
  const counts: Record<SyncOutcome, number> = { copy: 0, same: 0, kept: 0, replace: 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}
