import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';

/** Webhook receivers on loopback for the BFF's test-event tests: each keeps what it was sent. */

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const open: Server[] = [];
const sockets: Socket[] = [];

async function listen(server: Server): Promise<number> {
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A receiver that reads each request whole, then answers with `answer` (200 "received" unless said). */
export async function receiver(
  answer: (received: Received, res: ServerResponse) => void = (_, res) => res.end('received'),
) {
  const received: Received[] = [];
  const port = await listen(
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const one = {
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        received.push(one);
        answer(one, res);
      });
    }),
  );
  return { received, address: `http://127.0.0.1:${port}/hook`, port };
}

/** A TCP peer that takes the connection and `behave`s: says nothing, or something broken. */
export async function rawPeer(behave: (socket: Socket) => void) {
  let connections = 0;
  let closed = 0;
  const port = await listen(
    createTcpServer((socket) => {
      connections += 1;
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => (closed += 1));
      behave(socket);
    }),
  );
  return {
    address: `http://127.0.0.1:${port}/hook`,
    connections: () => connections,
    /** Connections the sender has closed (or lost) so far. */
    closed: () => closed,
  };
}

/** An address where nothing listens: connections to it are refused. */
export async function closedAddress(): Promise<string> {
  const server = createTcpServer();
  const port = await listen(server);
  open.splice(open.indexOf(server), 1);
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hook`;
}

export function closeReceivers(): void {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of open.splice(0)) {
    (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close();
  }
}
