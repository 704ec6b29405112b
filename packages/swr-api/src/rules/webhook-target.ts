/**
 * What a webhook target may say: its address and the request headers it asks for. Pure and
 * browser-safe, so the console's form and swr-local refuse the same things with the same words.
 */

/** The headers every delivery carries; a target may not set them (see webhook-delivery.ts). */
export const WEBHOOK_DELIVERY_HEADERS = [
  'X-Swr-Event',
  'X-Swr-Delivery',
  'X-Swr-Timestamp',
  'X-Swr-Signature-256',
] as const;

export const AUTH_HEADER_LIMITS = { headers: 10, characters: 4096 } as const;
export const WEBHOOK_ADDRESS_MAX_LENGTH = 512;

export type WebhookAddressType = 'internal' | 'internet';

/**
 * Names the sender owns: framing (a receiver must not be able to make us lie about the body),
 * hop-by-hop headers, and the whole `X-Swr-` prefix, so a new delivery header never collides with
 * one a target already sends.
 */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);
const RESERVED_PREFIX = 'x-swr-';

/** RFC 7230 §3.2.6 token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Field content as node's http client accepts it: visible ASCII, space, tab and obs-text. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export type AuthHeaderParse = { headers: [name: string, value: string][] } | { problem: string };

/**
 * Reads a target's `auth_header`, `key1:value1;key2:value2`: spaces around names and values are
 * trimmed, empty entries (a trailing `;`) are skipped, and a value keeps any `:` after the first.
 */
export function parseAuthHeader(value: string): AuthHeaderParse {
  if (value.length > AUTH_HEADER_LIMITS.characters)
    return { problem: `Use at most ${AUTH_HEADER_LIMITS.characters} characters of headers.` };
  if (/[\r\n\0]/.test(value))
    return { problem: 'Headers may not contain line breaks or NUL characters.' };
  const headers: [string, string][] = [];
  const seen = new Set<string>();
  for (const entry of value.split(';')) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(':');
    if (colon < 0) return { problem: `Write “${entry.trim()}” as name:value.` };
    const name = entry.slice(0, colon).trim();
    const headerValue = entry.slice(colon + 1).trim();
    if (name === '') return { problem: `Give the header with value “${headerValue}” a name.` };
    if (!TOKEN.test(name))
      return { problem: `“${name}” is not a header name: use letters, digits and - only.` };
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower) || lower.startsWith(RESERVED_PREFIX))
      return { problem: `The ${name} header is set by the webhook itself and cannot be sent.` };
    if (seen.has(lower)) return { problem: `The ${name} header is given twice.` };
    if (!FIELD_VALUE.test(headerValue))
      return { problem: `The value of ${name} has characters a header cannot carry.` };
    seen.add(lower);
    headers.push([name, headerValue]);
  }
  if (headers.length > AUTH_HEADER_LIMITS.headers)
    return { problem: `Use at most ${AUTH_HEADER_LIMITS.headers} headers.` };
  return { headers };
}

type HostKind = 'name' | 'loopback' | 'private' | 'public' | 'reserved';

const PRIVATE_RANGES =
  'a private-network IP address (10.x, 172.16–31.x, 192.168.x, 127.x, ::1 or fc00::/7)';

/**
 * What is wrong with a webhook address, or undefined when it may be used. SWR requires an
 * `internal` address to be a private-network IP. Loopback is private here, so the sandbox can
 * deliver to a receiver on the same machine; an `internet` address may be a host name or a public
 * IP, never a private, loopback or otherwise reserved one. Names are not resolved here: a name that
 * resolves to a private address is the sender's to refuse.
 */
export function webhookAddressProblem(
  address: string,
  addressType: WebhookAddressType,
): string | undefined {
  if (address === '') return 'Enter an address.';
  if (address.length > WEBHOOK_ADDRESS_MAX_LENGTH)
    return `Use an address of at most ${WEBHOOK_ADDRESS_MAX_LENGTH} characters.`;
  // The URL parser would quietly drop tabs and line breaks, and trim spaces: what is stored must
  // be what is called.
  if (/[\0-\x20\x7f]/.test(address))
    return 'An address may not contain spaces or control characters.';
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return /^https?:\/\//i.test(address)
      ? 'This is not a valid address.'
      : 'Use an http:// or https:// address.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'Use an http:// or https:// address.';
  if (url.username !== '' || url.password !== '')
    return 'Leave user name and password out of the address; send them as headers.';
  if (url.port === '0') return 'Use a port between 1 and 65535.';
  const kind = hostKind(url.hostname);
  if (addressType === 'internal')
    return kind === 'loopback' || kind === 'private'
      ? undefined
      : `An internal address must be ${PRIVATE_RANGES}.`;
  if (kind === 'loopback' || kind === 'private')
    return 'A private-network or loopback address must have the address type internal.';
  if (kind === 'reserved') return 'This IP address is reserved and cannot receive webhooks.';
  return undefined;
}

/** Classifies a WHATWG-normalised host: IPv4 in dotted decimal, IPv6 in brackets. */
function hostKind(hostname: string): HostKind {
  if (hostname.startsWith('[')) return ipv6Kind(hostname.slice(1, -1));
  const ipv4 = ipv4Octets(hostname);
  if (ipv4) return ipv4Kind(ipv4);
  const name = hostname.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? 'loopback' : 'name';
}

function ipv4Octets(hostname: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  const octets = match?.slice(1).map(Number);
  return octets && octets.every((octet) => octet <= 255) ? octets : undefined;
}

function ipv4Kind([a = 0, b = 0]: number[]): HostKind {
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  const reserved =
    a === 0 || // "this network"
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, where cloud metadata services live
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224; // multicast, reserved, broadcast
  return reserved ? 'reserved' : 'public';
}

function ipv6Kind(text: string): HostKind {
  const groups = ipv6Groups(text);
  if (!groups) return 'reserved';
  const [first = 0] = groups;
  const leadingZeros = groups.slice(0, 5).every((group) => group === 0);
  if (leadingZeros && groups[5] === 0xffff)
    return ipv4Kind([groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff]);
  if (groups.slice(0, 7).every((group) => group === 0))
    return groups[7] === 1 ? 'loopback' : 'reserved';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00) return 'reserved';
  return 'public';
}

/** The eight groups of an IPv6 address as the URL parser writes it (hex groups, maybe `::`). */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string | undefined) =>
    half ? half.split(':').map((group) => Number.parseInt(group, 16)) : [];
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<number>(Math.max(fill, 0)).fill(0), ...tail];
  const valid = groups.length === 8 && groups.every((group) => group >= 0 && group <= 0xffff);
  return valid ? groups : undefined;
}
