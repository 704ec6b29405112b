import type { Advisory, Affected, RangeEvent } from './advisories.js';
import type { Inventory, Package } from './inventory.js';
import { comparatorFor, type VersionComparator } from './versions.js';

/** An installed package an advisory affects, and the version that fixes it ('' when none does yet). */
export interface Finding {
  advisory: Advisory;
  package: Package;
  fixVersion: string;
}

/**
 * Whether an advisory's ecosystem covers a package's: the same release (`Debian:12`), or the
 * distribution as a whole (`Debian`). Exact entries rank first (0), whole-distribution ones next.
 */
function ecosystemRank(advisory: string, pkg: string): number | undefined {
  if (advisory === pkg) return 0;
  return pkg.startsWith(`${advisory}:`) ? 1 : undefined;
}

const versionOf = (event: RangeEvent) =>
  'introduced' in event ? event.introduced : 'fixed' in event ? event.fixed : event.last_affected;

/** `introduced: "0"`: affected from the first version on. */
const isStart = (event: RangeEvent) => 'introduced' in event && event.introduced === '0';

/**
 * OSV's evaluation of an ECOSYSTEM range (events in version order, `introduced: "0"` first): the
 * version is affected from an `introduced` on, until a `fixed` (excluded) or past a `last_affected`.
 * Returns the fix to take ('' if there is none), or undefined when the version is not affected.
 */
export function evaluateRange(
  version: string,
  events: readonly RangeEvent[],
  compare: VersionComparator,
): string | undefined {
  const sorted = [...events].sort((a, b) => {
    if (isStart(a) || isStart(b)) return Number(isStart(b)) - Number(isStart(a));
    return compare(versionOf(a), versionOf(b));
  });
  let affected = false;
  for (const event of sorted) {
    if ('introduced' in event) {
      if (event.introduced === '0' || compare(version, event.introduced) >= 0) affected = true;
    } else if ('fixed' in event) {
      if (compare(version, event.fixed) >= 0) affected = false;
    } else if (compare(version, event.last_affected) > 0) {
      affected = false;
    }
  }
  if (!affected) return undefined;
  const fix = sorted.find((event) => 'fixed' in event && compare(event.fixed, version) > 0);
  return fix ? versionOf(fix) : '';
}

/**
 * Whether one `affected` entry covers a package, and its fix. Distribution advisories name the
 * source package (`glibc` for `libc6`), whose version is the one compared; a binary name matches too.
 */
function fixFor(pkg: Package, entry: Affected): string | undefined {
  const compare = comparatorFor(pkg.ecosystem);
  if (!compare) return undefined;
  const version =
    entry.package.name === pkg.sourceName
      ? pkg.sourceVersion
      : entry.package.name === pkg.name
        ? pkg.version
        : undefined;
  if (version === undefined) return undefined;
  if (entry.versions.includes(version)) return '';
  for (const range of entry.ranges) {
    const fix =
      range.type === 'ECOSYSTEM' ? evaluateRange(version, range.events, compare) : undefined;
    if (fix !== undefined) return fix;
  }
  return undefined;
}

/** The finding of one advisory for one package, from its most specific `affected` entry that applies. */
function findingOf(advisory: Advisory, pkg: Package): Finding | undefined {
  const entries = advisory.affected
    .map((entry) => ({ entry, rank: ecosystemRank(entry.package.ecosystem, pkg.ecosystem) }))
    .filter((candidate) => candidate.rank !== undefined)
    .sort((a, b) => a.rank! - b.rank!);
  for (const { entry } of entries) {
    const fixVersion = fixFor(pkg, entry);
    if (fixVersion !== undefined) return { advisory, package: pkg, fixVersion };
  }
  return undefined;
}

/** Every advisory that affects a package of the inventory, once per advisory and package version. */
export function findVulnerabilities(
  inventory: Inventory,
  advisories: readonly Advisory[],
): Finding[] {
  const findings = new Map<string, Finding>();
  for (const pkg of inventory.packages) {
    for (const advisory of advisories) {
      const finding = findingOf(advisory, pkg);
      const key = [advisory.id, pkg.name, pkg.version, pkg.architecture ?? ''].join('\0');
      if (finding && !findings.has(key)) findings.set(key, finding);
    }
  }
  return [...findings.values()];
}
