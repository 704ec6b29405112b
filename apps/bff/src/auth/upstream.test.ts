import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUpstream, readAtMost } from './upstream.js';

// An upstream that sends its headers and half its body, then nothing: a read of the body must end
// at the call's deadline, whatever fetch's own abort does with a body read already under way.
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"half":');
    // /cut: the upstream goes away after half its answer instead of stalling.
    if (req.url === '/cut') setTimeout(() => res.socket?.destroy(), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('reading an upstream answer', () => {
  it('when the body stalls half-way, then the read ends at the deadline with a timeout', async () => {
    const started = Date.now();
    const response = await callUpstream(undefined, { url, timeoutMs: 300 });
    await expect(readAtMost(response, 1024)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('when the upstream hangs up half-way, then the half body is not taken for the answer', async () => {
    const response = await callUpstream(undefined, { url: `${url}cut`, timeoutMs: 5_000 });
    await expect(readAtMost(response, 1024)).rejects.toThrow();
  });

  it('when the body is longer than the limit, then nothing of it is kept', async () => {
    const response = await callUpstream(undefined, { url, timeoutMs: 5_000 });
    expect(await readAtMost(response, 4)).toBeUndefined();
  });
});
