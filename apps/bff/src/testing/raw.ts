import { connect } from 'node:net';
import type { FuzzRequest, FuzzSession } from './fuzz.js';

/** Raw HTTP for the fuzzer: what was sent goes out byte for byte, and what came back is judged. */

export interface RawAnswer {
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
}

/** Bodies larger than the BFF's default limit (MAX_BODY_BYTES) are not read before an answer. */
const UNREAD_BODY_BYTES = 1024 * 1024;

/** Longer than any timeout of the BFF: a request still unanswered by then was left hanging. */
const ANSWER_WITHIN_MS = 20_000;

/** Sends the request byte for byte over a fresh connection and reads the answer to its end. */
export function sendRaw(
  base: string,
  request: FuzzRequest,
  session: FuzzSession | undefined,
): Promise<RawAnswer> {
  const { hostname, port, host } = new URL(base);
  const lines = [
    `${request.method} ${request.path} HTTP/1.1`,
    `host: ${host}`,
    'connection: close',
  ];
  if (request.session === 'signed-in' && session) {
    lines.push(`cookie: __Host-swr-console=${session.cookie}`, `x-csrf-token: ${session.csrf}`);
    if (!request.headers.some(([name]) => name === 'origin')) lines.push(`origin: ${base}`);
  }
  if (request.session === 'forged') lines.push(`cookie: __Host-swr-console=${'A'.repeat(43)}`);
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  if (request.body.length > 0 || !['GET', 'HEAD'].includes(request.method))
    lines.push(`content-length: ${request.body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    // No half-close after the body: Node servers drop the requests of a client that hangs up its
    // side. `connection: close` has the server end the connection once it has answered.
    socket.on('connect', () => socket.write(Buffer.concat([head, request.body])));
    socket.setTimeout(ANSWER_WITHIN_MS, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may close early (a 413 before the body is read): what arrived is the answer.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const [top = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = top.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1];
      resolve({
        status: status ? Number(status) : undefined,
        headers,
        body: rest.join('\r\n\r\n'),
      });
    });
  });
}

/**
 * Why an answer is wrong, or undefined when it is one the BFF may give. The fuzzer runs against a
 * healthy SWR and IAM, so no answer may be a 5xx: "SWR is down" cannot be the reason here.
 */
export function judge(request: FuzzRequest, answer: RawAnswer): string | undefined {
  // A body past the limit may be refused before it is read; the connection then closes under a
  // client still sending, and the kernel's reset can swallow the answer. That is HTTP/1.1 without
  // a lingering close, for any server; bodies within the limit must always get their answer.
  if (answer.status === undefined)
    return request.body.length > UNREAD_BODY_BYTES ? undefined : 'no answer at all';
  if (answer.status >= 500) return `${answer.status}: ${answer.body.slice(0, 300)}`;
  // An answer of the app itself (it has a request id) that is an error speaks problem details.
  if (
    answer.status >= 400 &&
    answer.headers['x-request-id'] &&
    !answer.headers['content-type']?.includes('application/problem+json')
  )
    return `${answer.status} without problem details (${answer.headers['content-type']})`;
  return undefined;
}
