import { gzipSync } from 'node:zlib';
import { endpoints } from '@swr-console/swr-api';
import fc from 'fast-check';

/**
 * Hostile requests to every route of the BFF, sent as raw bytes so that nothing a browser or an
 * HTTP client would tidy up is tidied: odd methods, unescaped paths, wrong types, huge strings,
 * bodies whose encoding lies. Shared by the fuzz test (fixed seed) and bench/bff-fuzz.ts (long run).
 */

export interface FuzzSession {
  cookie: string;
  csrf: string;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: [string, string][];
  body: Buffer;
  /** Which session the request carries: none, a signed-in one, or a forged cookie. */
  session: 'none' | 'signed-in' | 'forged';
}

const regions = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('cn-north-4', 'ap-southeast-1') },
  { weight: 1, arbitrary: fc.constantFrom('mars-north-1', '', '%00', 'a'.repeat(300)) },
);

/** A path segment: SWR-like words, traversal and escape tricks, or anything, escaped. */
const segment = fc.oneof(
  fc.constantFrom(
    'v2',
    'manage',
    'namespaces',
    'repos',
    'tags',
    'team-web',
    'frontend',
    'sync_repo',
    'access',
    'retentions',
    'sync_images',
    'utils',
    'secret',
    'instances',
    'kms',
    'list-keys',
    '..',
    '.',
    '%2e%2e',
    '%2F',
    '%5c',
    '%',
    '%ZZ',
    '%00',
    '%252F',
    'app$web',
    '*',
    '',
    ';',
    'x'.repeat(2000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
);

const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?limit=-1&offset=abc',
    '?limit=1e309',
    '?limit=1&limit=2',
    '?a[b][c]=d',
    '?instance=x&namespace=y&repository=z&digest=sha256:zz',
    '?digest=&digest=',
    `?offset=${'9'.repeat(400)}`,
    '?%=%',
  ),
  fc
    .dictionary(
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 60 }).map(encodeURIComponent),
      { maxKeys: 4 },
    )
    .map(
      (entries) =>
        `?${Object.entries(entries)
          .map(([k, v]) => `${k}=${v}`)
          .join('&')}`,
    ),
);

/** Values that exist in the sandbox, by path parameter name (`namespace`, `project_id`…). */
export type KnownNames = Record<string, string[]>;

/** Names the demo sandbox has, found through the BFF with a signed-in session. */
export async function sandboxNames(
  base: string,
  session: FuzzSession,
  project: string,
): Promise<KnownNames> {
  const answer = await fetch(`${base}/api/swr/cn-north-4/v2/${project}/instances`, {
    headers: { cookie: `__Host-swr-console=${session.cookie}` },
  });
  // Only the account's administrators see its Enterprise instances; others fuzz without their ids.
  const { instances } =
    answer.status === 200
      ? ((await answer.json()) as { instances: { id: string }[] })
      : { instances: [] };
  return {
    namespace: ['team-web', 'library'],
    namespace_name: ['team-web', 'library'],
    repository: ['frontend', 'alpine-lite'],
    repository_name: ['frontend'],
    tag: ['latest', 'v1'],
    project_id: [project],
    instance_id: instances.map((instance) => instance.id),
  };
}

/** A path of the contract with its parameters filled: names that exist, or anything at all. */
function contractPath(known: KnownNames): fc.Arbitrary<{ method: string; path: string }> {
  return fc
    .tuple(
      fc.constantFrom(...Object.values(endpoints)),
      regions,
      fc.infiniteStream(fc.nat()),
      fc.infiniteStream(segment),
    )
    .map(([endpoint, region, picks, anything]) => {
      const filled = endpoint.path.replace(/\{([a-z_]+)[^}]*\}/g, (_, name: string) => {
        const pool = known[name] ?? [];
        const pick = picks.next().value as number;
        // Three times in four a name that exists, when there is one.
        return pool.length > 0 && pick % 4 !== 0
          ? pool[pick % pool.length]!
          : (anything.next().value as string);
      });
      return { method: endpoint.method, path: `/api/swr/${region}${filled}` };
    });
}

function paths(known: KnownNames): fc.Arbitrary<{ method?: string; path: string }> {
  return fc.oneof(
    { weight: 4, arbitrary: contractPath(known) },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(
          '/healthz',
          '/readyz',
          '/api/config',
          '/api/csrf',
          '/api/session',
          '/api/session',
          '/api/login-command',
          '/api/login-command',
          '/api/webhook-test',
          '/api/audit',
          '/api/iam/users',
          '/',
          '/index.html',
          '/assets/index.js',
          '/assets/..%2f..%2fetc',
          '//',
          '/api',
          '/api/',
          '*',
        )
        .map((path) => ({ path })),
    },
    { weight: 1, arbitrary: regions.map((region) => ({ path: `/api/signatures/${region}` })) },
    // Held deletions: the list, and undo of ids well-formed, malformed and hostile.
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constant('/api/deletions'),
          fc.string({ maxLength: 30 }).map((id) => `/api/deletions/${encodeURIComponent(id)}/undo`),
          fc.stringMatching(/^[A-Za-z0-9_-]{22}$/).map((id) => `/api/deletions/${id}/undo`),
        )
        .map((path) => ({ path })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(regions, fc.array(segment, { maxLength: 8 }))
        .map(([region, rest]) => ({ path: `/api/swr/${region}/${rest.join('/')}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(segment, { minLength: 1, maxLength: 5 })
        .map((parts) => ({ path: `/${parts.join('/')}` })),
    },
  );
}

const text = fc.string({ unit: 'binary', maxLength: 300 });
/** Values in the shape of each route's input, with every field wrong in some way. */
const shapedBodies = fc.oneof(
  fc.record(
    {
      method: fc.constantFrom('aksk', 'password', 'sandbox', 'token', ''),
      accessKey: fc.oneof(
        text,
        fc.constant('AK\r\nX-Injected: 1'),
        fc.constant('ключ'),
        fc.integer(),
      ),
      secretKey: fc.oneof(text, fc.constant('SK\u0000'), fc.constant('s'.repeat(100_000))),
      projectId: fc.oneof(text, fc.constant('0'.repeat(32))),
      accountName: text,
      userName: text,
      password: fc.oneof(text, fc.array(text)),
      account: text,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      region: fc.oneof(regions, fc.integer(), fc.constant(null)),
      kind: fc.oneof(fc.constantFrom('temporary', 'long-term', 'forever'), text),
      durationSeconds: fc.oneof(fc.integer(), fc.double(), fc.constant('900'), fc.constant(1e308)),
      instance: fc.oneof(text, fc.constant('../../etc')),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      // A webhook test's target: addresses it must refuse, or that refuse at once (port 1).
      target: fc.oneof(
        text,
        fc.record(
          {
            type: fc.constantFrom('http', 'https', ''),
            address: fc.oneof(
              text,
              fc.constantFrom(
                'http://127.0.0.1:1/hook',
                'http://169.254.169.254/latest/meta-data',
                'http://[::1]:1/',
                'http://localhost:1/\r\nX: y',
                'file:///etc/passwd',
                'http://user:pw@127.0.0.1:1/',
              ),
            ),
            address_type: fc.oneof(fc.constantFrom('internal', 'internet'), text),
            auth_header: fc.oneof(
              text,
              fc.constant('Authorization:a\r\nX-Injected: 1'),
              fc.constant('Host:evil'),
              fc.constant('Authorization:*****'),
            ),
            skip_cert_verify: fc.oneof(fc.boolean(), text),
          },
          { requiredKeys: [] },
        ),
      ),
      namespace: fc.oneof(text, fc.constant('platform')),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      namespace: fc.oneof(text, fc.integer()),
      repository: fc.oneof(text, fc.array(text)),
      is_public: fc.oneof(fc.boolean(), text),
      category: text,
    },
    { requiredKeys: [] },
  ),
);

const body = fc.oneof(
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 3, arbitrary: shapedBodies.map((value) => Buffer.from(JSON.stringify(value))) },
  {
    weight: 2,
    arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v))),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(20_000, 1_100_000, 2_000_000)
      .map((size) => Buffer.from(JSON.stringify({ namespace: 'n'.repeat(size) }))),
  },
  { weight: 1, arbitrary: fc.constant(Buffer.from('{"namespace":')) },
);

const header = fc.oneof(
  fc.tuple(
    fc.constant('content-type'),
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-16',
      'application/json; charset=nonsense',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ),
  ),
  fc.tuple(
    fc.constant('content-encoding'),
    fc.constantFrom('gzip', 'deflate', 'br', 'zstd', 'gzip, gzip', 'identity', 'bogus'),
  ),
  fc.tuple(fc.constant('accept'), fc.constantFrom('*/*', 'text/html', 'application/xml', '')),
  fc.tuple(fc.constant('accept-language'), fc.constantFrom('zh-CN', 'en-US;q=x', 'x'.repeat(500))),
  fc.tuple(fc.constant('origin'), fc.constantFrom('null', 'https://evil.example', 'http://[')),
  fc.tuple(fc.constant('x-forwarded-for'), fc.constantFrom('1.2.3.4', 'not-an-ip, ::1')),
  fc.tuple(fc.constant('range'), fc.constantFrom('bytes=0-1', 'bytes=-', 'lines=1')),
);

const methods = fc.constantFrom(
  'GET',
  'GET',
  'POST',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PROPFIND',
  'MKCOL',
  'QUERY',
  'PURGE',
  'BREW',
);

/**
 * Requests to the BFF's routes and to every operation of the contract through the proxy; `known`
 * are names that exist (organizations, repositories, project and instance ids), so that some
 * requests get past the checks and reach SWR.
 */
export function fuzzRequests(known: KnownNames): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      target: paths(known),
      // Mostly the operation's own method, sometimes any other.
      method: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: methods },
      ),
      query,
      headers: fc.array(header, { maxLength: 4 }),
      body,
      gzip: fc.boolean(),
      session: fc.constantFrom(
        'none',
        'signed-in',
        'signed-in',
        'signed-in',
        'signed-in',
        'forged',
      ) as fc.Arbitrary<FuzzRequest['session']>,
    })
    .map(({ gzip, target, method, query: search, ...request }) => {
      const shaped = {
        ...request,
        method: method ?? target.method ?? 'GET',
        path: target.path + search,
      };
      // Sometimes the body really is gzip, and says so.
      if (gzip && shaped.body.length > 0)
        return {
          ...shaped,
          body: gzipSync(shaped.body),
          headers: [...shaped.headers, ['content-encoding', 'gzip'] as [string, string]],
        };
      return shaped;
    });
}
