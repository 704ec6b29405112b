/**
 * Version ordering by each distribution's own rules: whether an installed package is older than
 * an advisory's fixed version is only right when compared the way its package manager compares.
 */

/** Orders two versions: negative, zero or positive as `a` is older than, the same as or newer than `b`. */
export type VersionComparator = (a: string, b: string) => number;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const digitAt = (text: string, i: number) => i < text.length && isDigit(text.charCodeAt(i));

/** dpkg's weight of a character in a non-digit run: `~` before the end, the end, letters, then the rest. */
function dpkgOrder(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (isDigit(code)) return 0;
  if (isLetter(code)) return code;
  if (code === 126) return -1;
  return code + 256;
}

/** dpkg's `verrevcmp`: alternating non-digit runs (by `dpkgOrder`) and digit runs (numerically). */
function compareDpkgPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !digitAt(a, i)) || (j < b.length && !digitAt(b, j))) {
      const difference = dpkgOrder(a, i) - dpkgOrder(b, j);
      if (difference !== 0) return difference;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let firstDifference = 0;
    while (digitAt(a, i) && digitAt(b, j)) {
      if (firstDifference === 0) firstDifference = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (digitAt(a, i)) return 1;
    if (digitAt(b, j)) return -1;
    if (firstDifference !== 0) return firstDifference;
  }
  return 0;
}

/** `[epoch:]upstream[-revision]`, the revision being what follows the last hyphen. */
function splitDebian(version: string) {
  const colon = version.indexOf(':');
  const epoch = colon >= 0 ? Number.parseInt(version.slice(0, colon), 10) || 0 : 0;
  const rest = version.slice(colon + 1);
  const hyphen = rest.lastIndexOf('-');
  return hyphen >= 0
    ? { epoch, upstream: rest.slice(0, hyphen), revision: rest.slice(hyphen + 1) }
    : { epoch, upstream: rest, revision: '' };
}

/** Compares Debian versions as dpkg does (`dpkg --compare-versions`). */
export function compareDebian(a: string, b: string): number {
  const x = splitDebian(a);
  const y = splitDebian(b);
  return Math.sign(
    x.epoch - y.epoch ||
      compareDpkgPart(x.upstream, y.upstream) ||
      compareDpkgPart(x.revision, y.revision),
  );
}

// apk-tools' tokens (src/version.c), in the order they may follow each other.
const INITIAL_DIGIT = 0;
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NUMBER = 4;
const COMMIT_HASH = 5;
const REVISION = 6;
const END = 7;
const INVALID = 8;

/** Suffix ranks: pre-releases below a plain release (0), post-release suffixes above it. */
const SUFFIX_RANKS: Record<string, number> = {
  alpha: -4,
  beta: -3,
  pre: -2,
  rc: -1,
  cvs: 1,
  svn: 2,
  git: 3,
  hg: 4,
  p: 5,
};

interface ApkToken {
  kind: number;
  text: string;
}

/** The next token of an apk version after one of kind `previous`, and how many characters it took. */
function nextApkToken(rest: string, previous: number): [ApkToken, number] {
  const invalid: [ApkToken, number] = [{ kind: INVALID, text: '' }, 0];
  if (rest === '') return [{ kind: END, text: '' }, 0];
  const first = rest[0]!;
  const run = (pattern: RegExp, from: number) => pattern.exec(rest.slice(from))?.[0] ?? '';
  if (first >= 'a' && first <= 'z') {
    return previous > DIGIT ? invalid : [{ kind: LETTER, text: first }, 1];
  }
  if (first === '.' || (first >= '0' && first <= '9')) {
    const dot = first === '.' ? 1 : 0;
    const kind = previous <= DIGIT ? DIGIT : previous === SUFFIX && !dot ? SUFFIX_NUMBER : INVALID;
    const digits = run(/^\d+/, dot);
    return kind === INVALID || !digits ? invalid : [{ kind, text: digits }, dot + digits.length];
  }
  if (first === '_') {
    const name = run(/^[a-z]+/, 1);
    return previous > SUFFIX_NUMBER || !(name in SUFFIX_RANKS)
      ? invalid
      : [{ kind: SUFFIX, text: name }, 1 + name.length];
  }
  if (first === '~') {
    const hash = run(/^[0-9a-fA-F]+/, 1);
    return previous >= COMMIT_HASH || !hash
      ? invalid
      : [{ kind: COMMIT_HASH, text: hash }, 1 + hash.length];
  }
  if (rest.startsWith('-r') && previous < REVISION) {
    const digits = run(/^\d+/, 2);
    return digits ? [{ kind: REVISION, text: digits }, 2 + digits.length] : invalid;
  }
  return invalid;
}

/** An apk version's tokens, ending with an END or INVALID one. */
function apkTokens(version: string): ApkToken[] {
  const initial = /^\d+/.exec(version)?.[0];
  if (!initial) return [{ kind: INVALID, text: '' }];
  const tokens: ApkToken[] = [{ kind: INITIAL_DIGIT, text: initial }];
  let at = initial.length;
  for (;;) {
    const [token, length] = nextApkToken(version.slice(at), tokens.at(-1)!.kind);
    tokens.push(token);
    if (token.kind >= END) return tokens;
    at += length;
  }
}

/** Compares digit strings by value, however long. */
function compareNumbers(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/** Byte order, then length: apk's `apk_blob_sort`. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareApkTokens(a: ApkToken, b: ApkToken): number {
  switch (a.kind) {
    case DIGIT:
      // A component with a leading zero compares as text, as in Gentoo's rules (1.02 < 1.1).
      if (a.text.startsWith('0') || b.text.startsWith('0')) return compareText(a.text, b.text);
      return compareNumbers(a.text, b.text);
    case INITIAL_DIGIT:
    case SUFFIX_NUMBER:
    case REVISION:
      return compareNumbers(a.text, b.text);
    case SUFFIX:
      return SUFFIX_RANKS[a.text]! - SUFFIX_RANKS[b.text]!;
    default:
      return compareText(a.text, b.text);
  }
}

/** Compares Alpine package versions as apk-tools does (`apk version -t`). */
export function compareApk(a: string, b: string): number {
  const x = apkTokens(a);
  const y = apkTokens(b);
  for (let i = 0; ; i++) {
    const ta = x[i]!;
    const tb = y[i]!;
    if (ta.kind !== tb.kind || ta.kind >= END) {
      if (ta.kind === tb.kind) return 0;
      // Equal so far: the longer version is newer, unless what it has more is a pre-release suffix.
      if (ta.kind === SUFFIX && SUFFIX_RANKS[ta.text]! < 0) return -1;
      if (tb.kind === SUFFIX && SUFFIX_RANKS[tb.text]! < 0) return 1;
      return ta.kind > tb.kind ? -1 : 1;
    }
    const order = compareApkTokens(ta, tb);
    if (order !== 0) return Math.sign(order);
  }
}

/** The comparator of an OSV ecosystem (`Debian:12`, `Alpine:v3.18`, or the plain name); undefined for others. */
export function comparatorFor(ecosystem: string): VersionComparator | undefined {
  const name = ecosystem.split(':')[0];
  if (name === 'Debian') return compareDebian;
  if (name === 'Alpine') return compareApk;
  return undefined;
}
