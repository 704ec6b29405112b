import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryReader, RegistryRefusal, sha256Of } from './reader.js';

// The BFF logs in to an instance's registry with a temporary password: it must never send that
// password anywhere but the registry itself, nor read an unbounded "payload".
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('reading an instance registry', () => {
  it('when the registry names a login realm at another address, then the password is not sent there', async () => {
    const received: (string | undefined)[] = [];
    const elsewhere = await serve((req, res) => {
      received.push(req.headers.authorization);
      res.end(JSON.stringify({ token: 'x' }));
    });
    const registry = await serve((_req, res) => {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${elsewhere}/token",service="r"` });
      res.end();
    });
    const reader = new RegistryReader(
      registry,
      'ns/app',
      { username: 'u', password: 'secret' },
      2000,
    );
    await expect(reader.manifest('v1')).rejects.toThrow(/another address/);
    expect(received).toEqual([]);
  });

  it('when the realm is the registry itself, then it logs in and reads', async () => {
    const registry = await serve((req, res) => {
      if (req.url?.startsWith('/token')) {
        expect(req.headers.authorization).toBe(
          `Basic ${Buffer.from('u:secret').toString('base64')}`,
        );
        res.end(JSON.stringify({ token: 'granted' }));
      } else if (req.headers.authorization === 'Bearer granted') {
        res.end('{"layers":[]}');
      } else {
        res.writeHead(401, {
          'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="r"`,
        });
        res.end();
      }
    });
    const reader = new RegistryReader(
      registry,
      'ns/app',
      { username: 'u', password: 'secret' },
      2000,
    );
    expect(await reader.manifest('v1')).toBe('{"layers":[]}');
  });

  it('when a payload blob is larger than a signature can be, then it is refused unread', async () => {
    const registry = await serve((_req, res) => {
      res.end(Buffer.alloc(200 * 1024, 1));
    });
    const reader = new RegistryReader(registry, 'ns/app', { username: 'u', password: 'p' }, 2000);
    await expect(reader.blob(`sha256:${'0'.repeat(64)}`)).rejects.toThrow(/too large/);
  });

  it('when a registry serves other bytes than the digest asked for, or refuses the token, then nothing is taken from it', async () => {
    const registry = await serve((_req, res) => {
      res.setHeader('content-type', 'application/vnd.oci.image.manifest.v1+json');
      res.end('{"layers":[]}');
    });
    const reader = new RegistryReader(registry, 'ns/app', { username: 'u', password: 'p' }, 2000);
    await expect(reader.read(`sha256:${'0'.repeat(64)}`)).rejects.toThrow(/does not match/);
    const byTag = await reader.read('v1');
    expect(byTag).toEqual({
      body: '{"layers":[]}',
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256Of('{"layers":[]}'),
    });

    const refusing = await serve((req, res) => {
      if (req.url?.startsWith('/token')) res.writeHead(403).end();
      else
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="r"`,
          })
          .end();
    });
    const denied = new RegistryReader(refusing, 'ns/app', { username: 'u', password: 'p' }, 2000);
    await expect(denied.read('v1')).rejects.toBeInstanceOf(RegistryRefusal);
  });
});
