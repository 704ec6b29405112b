import fc from 'fast-check';

/** Characters SWR names and free-form path values use, plus `$` and some non-ASCII. */
const segmentChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_.~$:@!*()+,;=ü中é'.split(''),
);
const pathSegment = fc
  .array(segmentChar, { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''))
  .filter((s) => s !== '.' && s !== '..');

export const pathSegments = fc.array(pathSegment, { minLength: 1, maxLength: 6 });

export const queryParams = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme-ascii' }),
  fc.string({ maxLength: 16, unit: 'binary-ascii' }).map((s) => s.replace(/\0/g, '')),
  { maxKeys: 5 },
);

const headerName = fc
  .stringMatching(/^x-[a-z][a-z-]{0,10}[a-z]$/)
  .filter(
    (name) =>
      !['x-sdk-date', 'x-project-id', 'x-security-token', 'x-sdk-content-sha256'].includes(name),
  );
const headerValueArb = fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/);
export const extraHeaders = fc.dictionary(headerName, headerValueArb, { maxKeys: 3 });

export const jsonBody = fc.option(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  { nil: undefined },
);

export const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');

export const credentials = fc.record({
  accessKey: fc.stringMatching(/^[A-Z0-9]{20}$/),
  secretKey: fc.stringMatching(/^[A-Za-z0-9]{40}$/),
  projectId: fc.option(fc.stringMatching(/^[0-9a-f]{32}$/), { nil: undefined }),
});

/** A request line as a client sends it: each raw segment and query part percent-encoded. */
export function wireUrl(origin: string, segments: string[], query: Record<string, string>): string {
  const path = segments.map((s) => encodeURIComponent(s).replace(/%24/g, '$')).join('/');
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `${origin}/${path}${search ? `?${search}` : ''}`;
}
