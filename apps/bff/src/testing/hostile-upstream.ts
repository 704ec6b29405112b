import { createServer, type Server, type Socket } from 'node:net';

/**
 * What the peer standing where SWR should be does with each request it reads:
 * - `answer`: a proper 200 with a JSON body, keeping the connection alive;
 * - `silent`: reads the request and never answers;
 * - `slow`: a proper 200, after a second;
 * - `stall-after-headers`: sends a 200's headers promising 100 bytes, then nothing;
 * - `stall-mid-body`: sends the headers and half the body, then nothing;
 * - `truncate-200` / `truncate-403`: promises 1,000 bytes, sends a few and closes;
 * - `bad-status`: a response whose status line says 099, which is no HTTP status;
 * - `status-600`: a well-formed response with status 600, which fetch passes on;
 * - `huge-401`: a refusal (401) whose body is 1 MiB, as a gateway's HTML page can be;
 * - `big`: a proper 200 with a 4 MiB body;
 * - `junk-after`: a proper 200, then a second unasked-for response on the same connection;
 * - `huge-error`: a 500 whose body is 48 MiB, written as fast as the BFF takes it;
 * - `reset`: resets the connection as soon as a request arrives;
 * - `reset-when-reused`: answers the first request of a connection, resets on the next one.
 */
export type Behaviour =
  | 'answer'
  | 'silent'
  | 'slow'
  | 'stall-after-headers'
  | 'stall-mid-body'
  | 'truncate-200'
  | 'truncate-403'
  | 'junk-after'
  | 'bad-status'
  | 'status-600'
  | 'huge-401'
  | 'big'
  | 'huge-error'
  | 'reset'
  | 'reset-when-reused';

export const HUGE_ERROR_BYTES = 48 * 1024 * 1024;
const BIG_BYTES = 4 * 1024 * 1024;
const OK_BODY = '[{"name":"team-web"}]';

function response(status: string, body: string, length = Buffer.byteLength(body)): string {
  return `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\nconnection: keep-alive\r\n\r\n${body}`;
}

/**
 * A peer at the TCP level, where a real HTTP server would never misbehave, so that each way SWR
 * can fail is produced exactly. It counts requests and the bytes of huge bodies the BFF accepted.
 */
export async function hostileUpstream() {
  const state = {
    behaviour: 'answer' as Behaviour,
    requests: 0,
    /** Bytes of the last huge error body written before the BFF closed the connection. */
    hugeBytesAccepted: 0,
  };
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    let served = 0;
    socket.on('data', (data) => {
      buffered += data.toString('latin1');
      // One request per header block; the BFF's bodies are small and carry a content-length.
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.slice(0, end);
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.slice(end + 4 + length);
        state.requests += 1;
        served += 1;
        act(socket, served);
      }
    });
  });

  function act(socket: Socket, served: number): void {
    switch (state.behaviour) {
      case 'answer':
        socket.write(response('200 OK', OK_BODY));
        return;
      case 'silent':
        return;
      case 'slow':
        setTimeout(() => socket.write(response('200 OK', OK_BODY)), 1000);
        return;
      case 'stall-after-headers':
        socket.write(response('200 OK', '', 100));
        return;
      case 'stall-mid-body':
        socket.write(response('200 OK', '[{"name":"te', 100));
        return;
      case 'truncate-200':
        socket.end(response('200 OK', '[{"name":"team-web"},', 1000));
        return;
      case 'truncate-403':
        socket.end(response('403 Forbidden', '{"errorCode":"SVCSTG.SWR.403', 1000));
        return;
      case 'junk-after':
        socket.write(response('200 OK', OK_BODY) + response('500 Junk', '{"junk":true}'));
        return;
      case 'bad-status':
        socket.write(response('099 Odd', OK_BODY));
        return;
      case 'status-600':
        socket.write(response('600 Beyond', OK_BODY));
        return;
      case 'huge-401':
        socket.write(response('401 Unauthorized', `"${'x'.repeat(1024 * 1024 - 2)}"`));
        return;
      case 'big':
        socket.write(response('200 OK', `"${'x'.repeat(BIG_BYTES - 2)}"`));
        return;
      case 'huge-error':
        writeHuge(socket);
        return;
      case 'reset':
        socket.resetAndDestroy();
        return;
      case 'reset-when-reused':
        if (served === 1) socket.write(response('200 OK', OK_BODY));
        else socket.resetAndDestroy();
        return;
    }
  }

  function writeHuge(socket: Socket): void {
    state.hugeBytesAccepted = 0;
    socket.write(
      `HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: ${HUGE_ERROR_BYTES}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (state.hugeBytesAccepted < HUGE_ERROR_BYTES && !socket.destroyed) {
        state.hugeBytesAccepted += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    state,
    /** Closes every connection the BFF holds, as an upstream restart would. */
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
