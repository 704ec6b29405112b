/**
 * The byte-level encoding the Huawei Cloud SDKs use for the canonical request: every byte of the
 * UTF-8 form except `A-Z a-z 0-9 - _ . ~` becomes `%XX` with upper-case hex.
 */
const UNRESERVED = /[A-Za-z0-9\-_.~]/;
const utf8 = new TextEncoder();

function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of utf8.encode(char)) {
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** Decodes `%XX` escapes once; a malformed escape is kept as it was rather than failing. */
function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The canonical URI of a path as it travels on the wire: each segment decoded once, then
 * percent-encoded, always ending in `/`. Decoding first makes the SDK's unescaped path values and
 * the escaped wire form of the same path agree.
 */
export function canonicalUri(wirePath: string): string {
  const path = wirePath === '' ? '/' : wirePath;
  const encoded = path
    .split('/')
    .map((segment) => percentEncode(percentDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/**
 * The canonical query string: parameter names sorted by code unit, each value (or each of a
 * repeated parameter's values, sorted) emitted as `ENC(name)=ENC(value)`, joined by `&`.
 */
export function canonicalQuery(params: URLSearchParams): string {
  const byName = new Map<string, string[]>();
  for (const [name, value] of params) {
    const values = byName.get(name);
    if (values) values.push(value);
    else byName.set(name, [value]);
  }
  const pairs: string[] = [];
  for (const name of [...byName.keys()].sort(compareCodeUnits)) {
    const values = (byName.get(name) ?? []).sort(compareCodeUnits);
    for (const value of values) pairs.push(`${percentEncode(name)}=${percentEncode(value)}`);
  }
  return pairs.join('&');
}

export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
