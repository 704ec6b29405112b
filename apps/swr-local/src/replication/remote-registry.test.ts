import { createHash } from 'node:crypto';
import http, { type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildImage } from '../images/build.js';
import { ociImage, ociIndex } from '../testing/images.js';
import { parseChallenge } from './auth.js';
import { ownRegistry, RemoteRegistry, type RemoteRegistryOptions } from './remote-registry.js';
import {
  selfSignedCertificate,
  skopeo,
  startTestRegistry,
  type TestRegistry,
} from '../testing/registry-fronts.js';

const CREDENTIALS = { username: 'robot', password: 's3cret' };
let plain: TestRegistry;
let bearer: TestRegistry;
let basic: TestRegistry;
let secure: TestRegistry;
const servers: Server[] = [];
const opened: RemoteRegistry[] = [];

function remote(options: RemoteRegistryOptions): RemoteRegistry {
  const client = new RemoteRegistry(options);
  opened.push(client);
  return client;
}

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** A port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sha256 = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

beforeAll(async () => {
  const tls = await selfSignedCertificate();
  [plain, bearer, basic, secure] = await Promise.all([
    startTestRegistry(),
    startTestRegistry({ auth: { scheme: 'bearer', ...CREDENTIALS }, tokenSeconds: 300 }),
    startTestRegistry({ auth: { scheme: 'basic', ...CREDENTIALS } }),
    startTestRegistry({ tls }),
  ]);
  const push = (layout: string, reference: string) =>
    skopeo(
      'copy',
      '--all',
      '--dest-tls-verify=false',
      layout,
      `docker://${plain.host}/${reference}`,
    );
  await push(ociImage('listed'), 'lib/paged:a');
  await push(ociIndex('indexed'), 'lib/index:v1');
}, 120_000);

afterEach(() => vi.useRealTimers());

afterAll(async () => {
  for (const client of opened) client.close();
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all([plain, bearer, basic, secure].map((registry) => registry?.stop()));
});

describe('ping (the console’s test connection)', () => {
  it('when a registry answers /v2/, then ping is ok, straight or through its front', async () => {
    expect(await remote({ url: plain.url }).ping()).toEqual({ ok: true });
    expect(await ownRegistry(plain.direct).ping()).toEqual({ ok: true });
  });

  it('when nothing listens on the port, then it is unreachable', async () => {
    const result = await remote({ url: `http://127.0.0.1:${await closedPort()}` }).ping();
    expect(result).toMatchObject({
      ok: false,
      reason: 'unreachable',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('when a web server that is no registry answers, then it is not-a-registry (404 or an HTML page)', async () => {
    const notFound = await serve((_, response) => response.writeHead(404).end('Not Found'));
    expect(await remote({ url: notFound }).ping()).toMatchObject({
      ok: false,
      reason: 'not-a-registry',
    });
    const page = await serve((_, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'),
    );
    expect(await remote({ url: page }).ping()).toMatchObject({
      ok: false,
      reason: 'not-a-registry',
    });
  });

  it('when the registry does not answer in time, then it is a timeout', async () => {
    plain.hold = (request) => request.url === '/v2/';
    try {
      const result = await remote({ url: plain.url, timeoutMs: 200 }).ping();
      expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    } finally {
      plain.hold = undefined;
    }
  });

  it('when the certificate is self-signed, then it is a TLS failure, unless the registry is marked insecure', async () => {
    expect(await remote({ url: secure.url }).ping()).toMatchObject({ ok: false, reason: 'tls' });
    expect(await remote({ url: secure.url, insecure: true }).ping()).toEqual({ ok: true });
  });

  it('when a Bearer registry gets the right, a wrong or no password, then ok, unauthorized, unauthorized', async () => {
    expect(await remote({ url: bearer.url, ...CREDENTIALS }).ping()).toEqual({ ok: true });
    expect(
      await remote({ url: bearer.url, username: 'robot', password: 'nope' }).ping(),
    ).toMatchObject({
      ok: false,
      reason: 'unauthorized',
      message: expect.stringContaining('refused the user name or password'),
    });
    expect(await remote({ url: bearer.url }).ping()).toMatchObject({
      ok: false,
      reason: 'unauthorized',
    });
  });

  it('when a Basic registry gets the right or a wrong password, then ok or unauthorized', async () => {
    expect(await remote({ url: basic.url, ...CREDENTIALS }).ping()).toEqual({ ok: true });
    expect(
      await remote({ url: basic.url, username: 'robot', password: 'nope' }).ping(),
    ).toMatchObject({
      ok: false,
      reason: 'unauthorized',
    });
  });
});

describe('tags', () => {
  it('when a repository has more tags than a page, then listTags follows the Link pages to all of them', async () => {
    const registry = remote({ url: plain.url });
    const manifest = (await registry.manifest('lib/paged', 'a'))!;
    for (const tag of ['b', 'c', 'd', 'e'])
      await registry.putManifest('lib/paged', tag, manifest.mediaType, manifest.body);
    const before = plain.requests.length;
    expect(await registry.listTags('lib/paged', { pageSize: 2 })).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(plain.requests.slice(before)).toEqual([
      'GET /v2/lib/paged/tags/list?n=2',
      'GET /v2/lib/paged/tags/list?n=2&last=b',
      'GET /v2/lib/paged/tags/list?n=2&last=d',
    ]);
    expect((await registry.listTags('lib/paged')).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('when the repository does not exist, then it has no tags', async () => {
    expect(await remote({ url: plain.url }).listTags('lib/nothing-here')).toEqual([]);
  });
});

describe('manifests and blobs', () => {
  it('when an index is read, then its bytes, media type and digest are the registry’s, by tag, by digest and by HEAD', async () => {
    const registry = remote({ url: plain.url });
    const byTag = (await registry.manifest('lib/index', 'v1'))!;
    expect(byTag.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(byTag.digest).toBe(sha256(byTag.body));
    expect(await registry.manifestDigest('lib/index', 'v1')).toBe(byTag.digest);
    expect((await registry.manifest('lib/index', byTag.digest))!.body.equals(byTag.body)).toBe(
      true,
    );
    expect(await registry.manifest('lib/index', 'missing')).toBeUndefined();
    expect(await registry.manifestDigest('lib/index', 'missing')).toBeUndefined();
  });

  it('when a blob is uploaded as a stream, then it can be read back, and mounted into another repository', async () => {
    const registry = remote({ url: plain.url });
    const data = Buffer.from('a blob of some bytes\n'.repeat(1000));
    const digest = sha256(data);
    expect(await registry.hasBlob('blobs/one', digest)).toBe(false);
    await registry.putBlob(
      'blobs/one',
      digest,
      data.length,
      Readable.from([data.subarray(0, 7), data.subarray(7)]),
    );
    expect(await registry.hasBlob('blobs/one', digest)).toBe(true);
    const blob = await registry.getBlob('blobs/one', digest);
    expect(blob.size).toBe(data.length);
    expect(sha256(Buffer.concat(await blob.stream.toArray()))).toBe(digest);
    expect(await registry.mountBlob('blobs/two', digest, 'blobs/one')).toBe(true);
    expect(await registry.hasBlob('blobs/two', digest)).toBe(true);
    expect(await registry.mountBlob('blobs/three', digest, 'blobs/empty')).toBe(false);
  });

  it('when a stream is shorter than its declared size or not the digest, then the upload fails and the registry has no such blob', async () => {
    const registry = remote({ url: plain.url });
    const data = Buffer.from('exactly these bytes');
    await expect(
      registry.putBlob('blobs/bad', sha256(data), data.length + 5, Readable.from([data])),
    ).rejects.toMatchObject({ name: 'RemoteRegistryError', code: 'SIZE_MISMATCH' });
    const other = Buffer.from('other bytes, as many');
    await expect(
      registry.putBlob('blobs/bad', sha256(data), other.length, Readable.from([other])),
    ).rejects.toMatchObject({ name: 'RemoteRegistryError' });
    expect(await registry.hasBlob('blobs/bad', sha256(data))).toBe(false);
  });

  it('when a manifest refers to blobs the registry lacks, then the error carries the registry’s status, code and message', async () => {
    const image = buildImage('orphan');
    const error = await remote({ url: plain.url })
      .putManifest('lib/orphan', 'v1', image.manifest.mediaType, Buffer.from(image.manifest.body))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'RemoteRegistryError',
      status: 400,
      code: 'MANIFEST_BLOB_UNKNOWN',
      transient: false,
      message: expect.stringContaining('blob unknown to registry'),
    });
    await expect(
      remote({ url: plain.url }).getBlob('lib/orphan', image.blobs[0]!.digest),
    ).rejects.toMatchObject({
      status: 404,
      code: 'BLOB_UNKNOWN',
    });
  });

  it('when a name or reference could escape its path, then nothing is sent', async () => {
    const registry = remote({ url: plain.url });
    const before = plain.requests.length;
    await expect(registry.listTags('../v2/_catalog')).rejects.toMatchObject({
      code: 'NAME_INVALID',
    });
    await expect(registry.manifest('lib/index', '../../x')).rejects.toMatchObject({
      code: 'TAG_INVALID',
    });
    await expect(registry.hasBlob('lib/index', 'sha256:../x')).rejects.toMatchObject({
      code: 'DIGEST_INVALID',
    });
    expect(plain.requests.length).toBe(before);
  });

  it('when the signal is already aborted, then the call rejects as ABORTED', async () => {
    await expect(
      remote({ url: plain.url }).listTags('lib/paged', { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('Bearer tokens', () => {
  it('when reads and writes are made, then a token is asked per scope (pull, then pull,push) with the credentials, and reused', async () => {
    const registry = remote({ url: bearer.url, ...CREDENTIALS });
    const before = bearer.tokenRequests.length;
    const data = Buffer.from('token test');
    expect(await registry.hasBlob('tokens/app', sha256(data))).toBe(false);
    expect(await registry.hasBlob('tokens/app', sha256(data))).toBe(false);
    await registry.putBlob('tokens/app', sha256(data), data.length, Readable.from([data]));
    expect(await registry.hasBlob('tokens/app', sha256(data))).toBe(true);
    const asked = bearer.tokenRequests.slice(before);
    expect(asked.map((query) => query.getAll('scope'))).toEqual([
      ['repository:tokens/app:pull'],
      ['repository:tokens/app:pull,push'],
    ]);
    expect(asked[0]!.get('service')).toBe('test-registry');
  });

  it('when a token has expired, then a new one is asked for', async () => {
    const registry = remote({ url: bearer.url, ...CREDENTIALS });
    await registry.listTags('tokens/app');
    const before = bearer.tokenRequests.length;
    await registry.listTags('tokens/app');
    expect(bearer.tokenRequests.length).toBe(before);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 301_000);
    await registry.listTags('tokens/app');
    expect(bearer.tokenRequests.length).toBe(before + 1);
  });
});

describe('reading challenges', () => {
  it('when a header has quoted commas, escapes or a second challenge, then the first challenge’s parameters are read', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example/token',
        service: 'reg',
        scope: 'repository:a/b:pull,push',
      },
    });
    expect(parseChallenge('Basic realm="say \\"hi\\"", Bearer realm="x"')).toEqual({
      scheme: 'basic',
      params: { realm: 'say "hi"' },
    });
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});
