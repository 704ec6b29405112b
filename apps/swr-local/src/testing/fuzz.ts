import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { signRequest } from '@swr-console/apig-signer';
import { endpoints } from '@swr-console/swr-api';
import fc from 'fast-check';
import { enterpriseBodies } from './fuzz-enterprise.js';
import { loginKey, type Sandbox, type SandboxUser } from './sandbox.js';

/**
 * Hostile requests for swr-local, shared by its fuzz tests (fixed seeds) and the long run in
 * bench/swr-local-fuzz.ts: every operation of the SWR API, signed so that they get past the
 * gateway, with wrong parameters, paging, filters, bodies and encodings; and everything a registry
 * client can send to the registry front.
 */

export interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Answer {
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a request with its path exactly as given (no URL normalisation), and reads the answer. */
export function send(base: string, sent: Sent): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const call = request(
      // A connection of its own: what one hostile request leaves on a connection spoils no other.
      { hostname, port, method: sent.method, path: sent.path, headers: sent.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', () => resolve({ status: undefined, headers: {}, body: '' }));
      },
    );
    call.setTimeout(20_000, () => call.destroy());
    call.on('error', (error) =>
      resolve({ status: undefined, headers: {}, body: `(${(error as Error).message})` }),
    );
    call.end(sent.body);
  });
}

const text = fc.string({ unit: 'binary', maxLength: 80 });
const weird = fc.constantFrom(
  '..',
  '%2e%2e',
  '%2F',
  '%',
  '%ZZ',
  '%00',
  '*',
  '',
  'a'.repeat(300),
  '-1',
  '1e309',
  'null',
);
const segment = fc.oneof(weird, text.map(encodeURIComponent));

/** Names that exist in the demo sandbox, by path parameter. */
const KNOWN: Record<string, string[]> = {
  namespace: ['team-web', 'library', 'data-lab'],
  repository: ['frontend', 'alpine-lite', 'api$gateway'],
  tag: ['latest', 'v1.0.0'],
  api_version: ['v2'],
  resource_type: ['store', 'downflow'],
  frequency: ['daily'],
  access_domain: ['partner-co'],
  trigger: ['redeploy-latest'],
  retention_id: ['1'],
};

const filters = fc.oneof(
  fc.constantFrom(
    'limit::-1|offset::x',
    'limit::1e309',
    'order_column::nope|order_type::sideways',
    '::',
    '|||',
    'namespace::%',
    'mode::visible|namespace::team-web',
    `limit::${'9'.repeat(40)}`,
  ),
  fc
    .array(fc.tuple(fc.constantFrom('limit', 'offset', 'name', 'tag', 'namespace', 'mode'), text), {
      maxLength: 4,
    })
    .map((pairs) => pairs.map(([k, v]) => `${k}::${v}`).join('|')),
);

const queries = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'limit',
          'offset',
          'filter',
          'order_column',
          'order_type',
          'namespace',
          'name',
          'center',
          'duration_seconds',
          'projectname',
          'tag',
          'policy_id',
          'registry_id',
          'namespace_id',
          'status',
          'self_only',
          'type',
        ),
        fc.oneof(
          filters,
          text,
          fc.constantFrom('-5', '0', '100000', 'NaN', '1.5', '1', '9007199254740993', '1e3'),
          fc.constantFrom(
            'name;DROP TABLE ent_registries',
            'created_at desc, (SELECT 1)',
            'id',
            'asc',
            'desc',
            'Succeed',
            'InProgress',
            'true',
            'false',
            'swr-pro',
          ),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`),
);

const bodies = fc.oneof(
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  {
    weight: 4,
    arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))),
  },
  {
    weight: 3,
    arbitrary: fc
      .record(
        {
          namespace: fc.oneof(text, fc.integer()),
          repository: text,
          is_public: fc.oneof(fc.boolean(), text),
          source_tag: text,
          destination_tag: text,
          imageTag: fc.oneof(fc.array(text), text),
          remoteRegionId: fc.constantFrom('ap-southeast-1', 'cn-north-4', 'mars', ''),
          remoteNamespace: text,
          override: fc.oneof(fc.boolean(), text),
          access_domain: text,
          permit: text,
          deadline: fc.oneof(text, fc.constant('forever')),
          algorithm: fc.constantFrom('or', 'and', 'xor'),
          rules: fc.jsonValue({ maxDepth: 3 }),
          auth: fc.oneof(fc.integer(), text),
          user_id: text,
        },
        { requiredKeys: [] },
      )
      .map((v) => Buffer.from(JSON.stringify(v))),
  },
  { weight: 3, arbitrary: enterpriseBodies() },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 500 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constant(Buffer.from('{"namespace":')) },
);

/** Mostly `undefined`: a value in one call of `rarely`, so most calls get past what it varies. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, rarely = 5): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: rarely - 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary },
  );
}

const encodings = sometimes(
  fc.constantFrom('gzip', 'deflate', 'br', 'zstd', 'gzip, gzip', 'bogus', 'identity'),
);

/**
 * Signed calls to every operation of the API (or those of `only`), most with their own method and
 * known names: the demo's, and `known` ones by path parameter (an instance's id, policies' ids…).
 */
export function apiCalls(
  user: SandboxUser,
  region: string,
  base: string,
  {
    known = {},
    only,
    body: aimed,
  }: {
    known?: Record<string, string[]>;
    only?: (id: string) => boolean;
    /** Bodies to send three times in four; the general ones the rest of the time. */
    body?: fc.Arbitrary<Buffer>;
  } = {},
): fc.Arbitrary<Sent> {
  const pools: Record<string, string[]> = { ...KNOWN, ...known };
  const chosen = Object.entries(endpoints)
    .filter(([id]) => !only || only(id))
    .map(([, endpoint]) => endpoint);
  return fc
    .record({
      endpoint: fc.constantFrom(...chosen),
      picks: fc.infiniteStream(fc.nat()),
      anything: fc.infiniteStream(segment),
      method: sometimes(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD')),
      query: queries,
      body: aimed
        ? fc.oneof({ weight: 3, arbitrary: aimed }, { weight: 1, arbitrary: bodies })
        : bodies,
      encoding: encodings,
      gzipped: fc.boolean(),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/json;charset=utf-16',
      ),
    })
    .map(({ endpoint, picks, anything, method, query, body, encoding, gzipped, contentType }) => {
      const path =
        endpoint.path.replace(/\{([a-z_]+)[^}]*\}/g, (_, name: string) => {
          const pool = name === 'project_id' ? [user.projects[region]!] : pools[name];
          const pick = picks.next().value as number;
          return pool && pick % 4 !== 0
            ? pool[pick % pool.length]!
            : (anything.next().value as string);
        }) + query;
      const verb = method ?? endpoint.method;
      // Reads mostly go without a body, as clients send them, so that they reach the handlers.
      const read = ['GET', 'HEAD'].includes(verb) && (picks.next().value as number) % 4 !== 0;
      const payload = read ? Buffer.alloc(0) : body;
      const sentBody = gzipped && encoding === 'gzip' ? gzipSync(payload) : payload;
      const headers: Record<string, string> = {
        'content-type': contentType,
        ...(encoding ? { 'content-encoding': encoding } : {}),
      };
      let signed: Record<string, string>;
      try {
        signed = signRequest(
          { method: verb, url: `${base}${path}`, headers, body: sentBody },
          {
            accessKey: user.access_key,
            secretKey: user.secret_key,
            projectId: user.projects[region],
          },
        );
      } catch {
        signed = headers; // a path the signer will not take goes unsigned
      }
      return { method: verb, path, headers: signed, body: sentBody };
    });
}

/** Repositories of the demo data the front's fuzzer mostly aims at. */
export const FRONT_REPOSITORIES = [
  'team-web/frontend',
  'library/alpine-lite',
  'team-web/api/gateway',
];

/** A registry token of `user` for pull, push and delete on the fuzzed repositories. */
export async function frontToken(sandbox: Sandbox, user: SandboxUser): Promise<string> {
  const basic = Buffer.from(`cn-north-4@${user.access_key}:${loginKey(user)}`).toString('base64');
  const scopes = FRONT_REPOSITORIES.map((r) => `scope=repository:${r}:pull,push,delete`).join('&');
  const answer = await fetch(
    `http://${sandbox.registry()}/service/token?service=swr-local&${scopes}`,
    {
      headers: { authorization: `Basic ${basic}` },
    },
  );
  return ((await answer.json()) as { token: string }).token;
}

/** Requests a registry client could send to the front, with or without a valid token. */
export function frontCalls(token: string, repositories = FRONT_REPOSITORIES): fc.Arbitrary<Sent> {
  const name = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...repositories) },
    {
      weight: 1,
      arbitrary: fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('/')),
    },
  );
  const reference = fc.oneof(
    fc.constantFrom('latest', 'v1.0.0', `sha256:${'0'.repeat(64)}`, 'sha256:zz', 'sha512:abc', '%'),
    segment,
  );
  const path = fc.oneof(
    fc.constantFrom(
      '/v2/',
      '/v2',
      '/',
      '//[',
      '//a:b@c:99999/v2/',
      'http://[/v2/',
      '*',
      '/v2/_catalog',
    ),
    fc.tuple(name, reference).map(([n, r]) => `/v2/${n}/manifests/${r}`),
    fc.tuple(name, reference).map(([n, r]) => `/v2/${n}/blobs/${r}`),
    name.map((n) => `/v2/${n}/blobs/uploads/`),
    fc.tuple(name, segment).map(([n, id]) => `/v2/${n}/blobs/uploads/${id}`),
    name.map((n) => `/v2/${n}/tags/list`),
    fc
      .tuple(
        fc.array(
          fc.oneof(
            name.map((n) => `repository:${n}:pull,push`),
            text,
          ),
          { maxLength: 3 },
        ),
        text,
      )
      .map(
        ([scopes, service]) =>
          `/service/token?service=${encodeURIComponent(service)}${scopes.map((s) => `&scope=${encodeURIComponent(s)}`).join('')}`,
      ),
    fc.constant('/internal/events'),
  );
  return fc
    .record({
      method: fc.constantFrom('GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE'),
      path,
      query: fc.option(fc.constantFrom('?digest=sha256:zz', '?mount=x&from=y', '?n=-1&last=%'), {
        freq: 4,
      }),
      auth: fc.oneof(
        fc.constant(`Bearer ${token}`),
        fc.constant('Bearer junk'),
        fc.constant(`Basic ${Buffer.from('cn-north-4@x:y').toString('base64')}`),
        fc.constant('Basic !!!'),
        fc.constant(''),
      ),
      contentType: fc.constantFrom(
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/octet-stream',
        'text/plain',
      ),
      body: bodies,
    })
    .map(({ method, path: target, query, auth, contentType, body }) => ({
      method,
      path: target + (query ?? ''),
      headers: {
        'content-type': contentType,
        ...(auth ? { authorization: auth } : {}),
      },
      body,
    }));
}
