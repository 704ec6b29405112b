/** A tag and the image it names, which is all a comparison of regions needs of it. */
export interface TagDigest {
  tag: string;
  digest: string;
}

/**
 * How a tag of a repository here stands in the same repository of another region:
 * - `different`: both have it, on different images;
 * - `missing`: only here has it;
 * - `only-there`: only the other region has it.
 * Tags on the same image both sides are counted, not listed.
 */
export type TagDifferenceKind = 'different' | 'missing' | 'only-there';

export interface TagDifference {
  tag: string;
  kind: TagDifferenceKind;
  /** The digest here; absent when only the other region has the tag. */
  here?: string;
  /** The digest there; absent when it is missing there. */
  there?: string;
}

export interface TagComparison {
  same: number;
  different: number;
  missing: number;
  onlyThere: number;
  /** Every tag that is not the same, by name. */
  differences: TagDifference[];
}

const byTag = (a: { tag: string }, b: { tag: string }) =>
  a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;

/** The tags of one repository in two regions, set against each other tag by tag. */
export function compareTags(here: Iterable<TagDigest>, there: Iterable<TagDigest>): TagComparison {
  const theirs = new Map<string, string>();
  for (const { tag, digest } of there) theirs.set(tag, digest);
  const result: TagComparison = {
    same: 0,
    different: 0,
    missing: 0,
    onlyThere: 0,
    differences: [],
  };
  const seen = new Set<string>();
  for (const { tag, digest } of here) {
    if (seen.has(tag)) continue;
    seen.add(tag);
    const other = theirs.get(tag);
    if (other === undefined) {
      result.missing++;
      result.differences.push({ tag, kind: 'missing', here: digest });
    } else if (other === digest) {
      result.same++;
    } else {
      result.different++;
      result.differences.push({ tag, kind: 'different', here: digest, there: other });
    }
  }
  for (const [tag, digest] of theirs) {
    if (seen.has(tag)) continue;
    result.onlyThere++;
    result.differences.push({ tag, kind: 'only-there', there: digest });
  }
  result.differences.sort(byTag);
  return result;
}

/**
 * What "make it the same" does to one tag, by manual sync:
 * - `copy-there`: this region's image is synced to the other region, where the tag is missing;
 * - `replace-there`: synced with override, replacing the other region's image;
 * - `kept-there`: synced without override, so SWR leaves the other region's image as it is;
 * - `copy-here`: the other region's image is synced back here, where the tag is missing.
 */
export type AlignAction = 'copy-there' | 'replace-there' | 'kept-there' | 'copy-here';

export interface AlignStep {
  tag: string;
  action: AlignAction;
}

/** The sync of each difference: this region's image wins where both have the tag. */
export function alignSteps(differences: readonly TagDifference[], override: boolean): AlignStep[] {
  return differences.map(({ tag, kind }) => ({
    tag,
    action:
      kind === 'missing'
        ? 'copy-there'
        : kind === 'only-there'
          ? 'copy-here'
          : override
            ? 'replace-there'
            : 'kept-there',
  }));
}

/** The tags to sync each way: `there` from here to the other region, `here` back. */
export function alignBatches(steps: readonly AlignStep[]): { there: string[]; here: string[] } {
  const there: string[] = [];
  const here: string[] = [];
  for (const { tag, action } of steps) (action === 'copy-here' ? here : there).push(tag);
  return { there, here };
}
