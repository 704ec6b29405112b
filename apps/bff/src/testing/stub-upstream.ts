import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Not a fake of SWR: a network peer standing where a region's API would be, to see exactly what
 * the BFF sends (or that it sends nothing), and to hang when a test needs an unresponsive upstream.
 */
export async function stubUpstream(behaviour: 'answer' | 'hang' = 'answer') {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      if (behaviour === 'hang') return;
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'upstream=1; Path=/',
        'x-internal-debug': 'upstream secret',
        'content-range': '0-0/0',
      });
      res.end('[]');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
