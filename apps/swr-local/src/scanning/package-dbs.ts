/**
 * The files an image's package manager leaves behind, read as text: `os-release` says which
 * distribution (and so which advisories) applies, dpkg's and apk's databases say what is
 * installed. Each parser takes whatever bytes an image holds and never throws on them.
 */

/** A package as its database records it, before the distribution is known. */
export interface InstalledPackage {
  name: string;
  version: string;
  /** The source package it was built from: what Debian's and Alpine's advisories name. */
  sourceName: string;
  sourceVersion: string;
  architecture?: string;
}

/** The distribution of an image, from `os-release`'s `ID` and `VERSION_ID`. */
export interface OsRelease {
  id: string;
  version: string;
}

/** A shell-style value of os-release: quotes removed and `\"`, `\\`, `\$`, `` \` `` unescaped. */
function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner;
  }
  return value;
}

/** `ID` and `VERSION_ID` of an os-release file; undefined without an `ID`. */
export function parseOsRelease(content: string): OsRelease | undefined {
  const fields = new Map<string, string>();
  for (const line of content.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) fields.set(match[1]!, unquote(match[2]!.trim()));
  }
  const id = fields.get('ID')?.toLowerCase();
  return id ? { id, version: fields.get('VERSION_ID') ?? '' } : undefined;
}

/**
 * The OSV ecosystem of a distribution release: `Debian:12` (the major version, as Debian's
 * advisories name releases) or `Alpine:v3.18` (major.minor, as Alpine's branches are named).
 * Undefined for a distribution or release the scanner has no advisories for.
 */
export function ecosystemOf(os: OsRelease): string | undefined {
  if (os.id === 'debian') {
    const major = /^(\d+)(?:\.|$)/.exec(os.version)?.[1];
    return major ? `Debian:${major}` : undefined;
  }
  if (os.id === 'alpine') {
    const branch = /^(\d+)\.(\d+)(?:\D|$)/.exec(os.version);
    return branch ? `Alpine:v${branch[1]}.${branch[2]}` : undefined;
  }
  return undefined;
}

/** The paragraphs of an RFC 822-style file, each a map of field to value (continuation lines joined). */
function paragraphs(content: string): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let last: string | undefined;
  for (const line of content.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current.size > 0) result.push(current);
      current = new Map();
      last = undefined;
    } else if ((line[0] === ' ' || line[0] === '\t') && last) {
      current.set(last, `${current.get(last)}\n${line.trim()}`);
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim();
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) result.push(current);
  return result;
}

/**
 * Whether a dpkg entry is installed: its `Status` ends in `installed` (`install ok installed`),
 * or it has no `Status` at all, as in distroless images' `status.d/` files.
 */
function isInstalled(status: string | undefined): boolean {
  return status === undefined || status.split(/\s+/)[2] === 'installed';
}

/** `Source: glibc` or `Source: glibc (2.36-9+deb12u4)`: the source name and, when given, its version. */
function sourceOf(source: string | undefined): { name?: string; version?: string } {
  const match = /^(\S+)(?:\s+\((\S+)\))?/.exec(source ?? '');
  return match ? { name: match[1], version: match[2] } : {};
}

/** The installed packages of a dpkg `status` file (or one file of `status.d/`). */
export function parseDpkgStatus(content: string): InstalledPackage[] {
  return paragraphs(content).flatMap((fields) => {
    const name = fields.get('Package');
    const version = fields.get('Version');
    if (!name || !version || !isInstalled(fields.get('Status'))) return [];
    const source = sourceOf(fields.get('Source'));
    const architecture = fields.get('Architecture');
    return [
      {
        name,
        version,
        sourceName: source.name ?? name,
        sourceVersion: source.version ?? version,
        ...(architecture ? { architecture } : {}),
      },
    ];
  });
}

/** The packages of apk's `lib/apk/db/installed`: `P:` name, `V:` version, `o:` origin, `A:` arch. */
export function parseApkInstalled(content: string): InstalledPackage[] {
  return paragraphs(content).flatMap((fields) => {
    const name = fields.get('P');
    const version = fields.get('V');
    if (!name || !version) return [];
    const architecture = fields.get('A');
    return [
      {
        name,
        version,
        sourceName: fields.get('o') || name,
        sourceVersion: version,
        ...(architecture ? { architecture } : {}),
      },
    ];
  });
}
