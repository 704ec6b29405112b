/**
 * Version order for tags. SWR sorts only by name or by time, and by name "1.10" comes before
 * "1.9", so the console sorts versions itself.
 */
export interface TagVersion {
  /** The numeric release parts, as digit strings so any length compares exactly. */
  release: string[];
  /** Pre-release identifiers (`rc.1` is ["rc", "1"]); empty for a release. */
  pre: string[];
}

// An optional "v", one to four numeric parts, then an optional semver pre-release. Docker tags
// cannot hold "+", so there is no build metadata to read.
const VERSION = /^[vV]?(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const NUMERIC = /^\d+$/;

export function parseVersion(tag: string): TagVersion | undefined {
  const match = VERSION.exec(tag);
  if (!match) return undefined;
  return { release: match[1]!.split('.'), pre: match[2] ? match[2].split('.') : [] };
}

/** Compares digit strings by value without Number, so 20-digit build numbers stay exact. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareDigits(a, b);
  // Semver: numeric identifiers rank below alphanumeric ones, which compare in ASCII order.
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ascending semver order; a missing release part counts as 0, so "1.2" equals "1.2.0". */
function compareVersions(a: TagVersion, b: TagVersion): number {
  const parts = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < parts; i++) {
    const order = compareDigits(a.release[i] ?? '0', b.release[i] ?? '0');
    if (order !== 0) return order;
  }
  // A pre-release comes before its release.
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  const identifiers = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < identifiers; i++) {
    const order = compareIdentifiers(a.pre[i]!, b.pre[i]!);
    if (order !== 0) return order;
  }
  return a.pre.length - b.pre.length;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Items in version order (`order` applies to the versions), then every tag that is not a version,
 * by name. Equal versions ("v1.2", "1.2.0") are ordered by name so the order is stable.
 */
export function sortByVersion<T>(
  items: readonly T[],
  tagOf: (item: T) => string,
  order: 'asc' | 'desc',
): T[] {
  const versions: { item: T; tag: string; version: TagVersion }[] = [];
  const others: { item: T; tag: string }[] = [];
  for (const item of items) {
    const tag = tagOf(item);
    const version = parseVersion(tag);
    if (version) versions.push({ item, tag, version });
    else others.push({ item, tag });
  }
  const direction = order === 'asc' ? 1 : -1;
  versions.sort(
    (a, b) => direction * compareVersions(a.version, b.version) || byName(a.tag, b.tag),
  );
  others.sort((a, b) => byName(a.tag, b.tag));
  return [...versions, ...others].map((entry) => entry.item);
}
