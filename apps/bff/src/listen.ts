import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

/** How long a connection refused at the parser may keep sending before it is closed. */
const LINGER_MS = 5_000;

/**
 * A request Node's parser refuses (an unknown method, a malformed header line) never reaches the
 * app: it gets a 400 in problem details here. The connection is closed gracefully, reading what
 * the client still sends for a while, so that the answer is not lost to a reset.
 */
const REFUSALS: Record<string, { status: number; title: string; detail: string; code: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request Header Fields Too Large',
    detail: 'The request headers are too large.',
    code: 'MALFORMED_REQUEST',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    detail: 'The request took too long to arrive.',
    code: 'REQUEST_TIMEOUT',
  },
};
const MALFORMED = {
  status: 400,
  title: 'Bad Request',
  detail: 'The request is not valid HTTP.',
  code: 'MALFORMED_REQUEST',
};

function refuseMalformed(error: NodeJS.ErrnoException, socket: Socket): void {
  // Node reports the same connection again while the rest of it arrives: answered already.
  if (!socket.writable || socket.destroyed) return;
  // An answer to an earlier request of the connection is still being written: nothing can be
  // said in the middle of it, the connection just ends.
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (current?.headersSent) return void socket.destroy();
  const { status, title, ...rest } = REFUSALS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ type: 'about:blank', status, title, ...rest });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  socket.on('error', () => undefined);
  socket.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** Listens with the limits every BFF server has: slow clients are cut off, malformed ones told. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
    // A client that trickles its request is cut off rather than holding a connection forever.
    server.headersTimeout = 20_000;
    server.requestTimeout = 60_000;
    server.on('clientError', refuseMalformed);
  });
}
