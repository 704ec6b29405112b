import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushArtifactEvent } from '../enterprise/webhook-delivery.js';

/** Webhook receivers on loopback for the webhook suite: each keeps what it was sent. */

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

/** A receiver answering the n-th request (from 1) with `status(n)` and `received n`. */
export async function receiver(status: (n: number) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(status(received.length), { 'content-type': 'text/plain' });
      res.end(`received ${received.length}`);
    });
  });
  const address = await listen(server);
  /** The tag of each event received, in order. */
  const tags = () =>
    received.map((one) => (JSON.parse(one.body) as PushArtifactEvent).event_data.resources[0]!.tag);
  return { received, tags, address };
}

/** An address where nothing listens any more: connections to it are refused. */
export async function closedAddress(): Promise<string> {
  const server = createServer();
  const address = await listen(server);
  servers.splice(servers.indexOf(server), 1);
  await new Promise((resolve) => server.close(resolve));
  return address;
}

export function closeReceivers(): void {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
}
