import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { abortedError, RemoteRegistryError } from './errors.js';

/**
 * How requests reach one registry. node:http rather than fetch: `insecure` needs a TLS option per
 * connection, which Node's fetch only takes through undici's own Agent (not a dependency here).
 */
export interface Connection {
  insecure: boolean;
  /** The longest silence: connecting, awaiting an answer, or mid-transfer (not a cap on a transfer). */
  timeoutMs: number;
  agents: { http: http.Agent; https: https.Agent };
}

export interface Outgoing {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** A buffer can be sent again (after a challenge, or on a dropped kept-alive connection). */
  body?: Buffer | Readable;
  signal?: AbortSignal;
}

export function createConnection(insecure: boolean, timeoutMs: number): Connection {
  return {
    insecure,
    timeoutMs,
    agents: {
      http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
      https: new https.Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: !insecure }),
    },
  };
}

export function closeConnection(connection: Connection): void {
  connection.agents.http.destroy();
  connection.agents.https.destroy();
}

const TLS_FAILURE = /CERT|SSL|TLS|EPROTO/;

/** A failure to talk at all, in our terms. */
function transportError(error: unknown, url: URL): RemoteRegistryError {
  if (error instanceof RemoteRegistryError) return error;
  const code = (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && TLS_FAILURE.test(code))
    return new RemoteRegistryError(
      undefined,
      'TLS',
      `The TLS connection to ${url.host} failed (${code}: ${text}); if the registry uses a self-signed certificate, mark it insecure`,
      { cause: error },
    );
  return new RemoteRegistryError(
    undefined,
    'UNREACHABLE',
    `${url.host} cannot be reached (${typeof code === 'string' ? code : text})`,
    { cause: error },
  );
}

/**
 * Sends one request and resolves with the answer's head; its body is for the caller to read or
 * discard. The signal and the silence timeout reach the body too: either ends the stream with a
 * {@link RemoteRegistryError} (ABORTED, TIMEOUT).
 */
export async function send(connection: Connection, outgoing: Outgoing): Promise<IncomingMessage> {
  try {
    return await sendOnce(connection, outgoing);
  } catch (error) {
    // A kept-alive connection the server has just closed fails at once; Node advises one retry.
    const { reusedSocket, error: cause } = error as { reusedSocket?: boolean; error?: unknown };
    const code = (cause as { code?: unknown } | undefined)?.code;
    const dropped = reusedSocket === true && (code === 'ECONNRESET' || code === 'EPIPE');
    const replayable = outgoing.body === undefined || Buffer.isBuffer(outgoing.body);
    if (!dropped || !replayable || outgoing.signal?.aborted) throw unwrap(error, outgoing.url);
    return await sendOnce(connection, outgoing).catch((again: unknown) => {
      throw unwrap(again, outgoing.url);
    });
  }
}

function unwrap(error: unknown, url: URL): RemoteRegistryError {
  return transportError((error as { error?: unknown }).error ?? error, url);
}

function sendOnce(connection: Connection, outgoing: Outgoing): Promise<IncomingMessage> {
  const { url, signal } = outgoing;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal));
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(url, {
      method: outgoing.method,
      headers: outgoing.headers,
      agent: secure ? connection.agents.https : connection.agents.http,
      rejectUnauthorized: !connection.insecure,
      timeout: connection.timeoutMs,
    });
    let response: IncomingMessage | undefined;
    const fail = (error: RemoteRegistryError) => {
      request.destroy(error);
      response?.destroy(error);
    };
    const onAbort = () => fail(abortedError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    const forget = () => signal?.removeEventListener('abort', onAbort);
    request.on('timeout', () =>
      fail(
        new RemoteRegistryError(
          undefined,
          'TIMEOUT',
          `${url.host} did not answer within ${connection.timeoutMs} ms`,
        ),
      ),
    );
    // A body that fails (a blob that is not what it claims) aborts the request, which then fails
    // as a hang-up: the body's own error is the one to report.
    let bodyError: unknown;
    request.on('error', (error) => {
      forget();
      // Before the answer: the request failed. After it, the body's reader sees the error.
      if (!response) reject({ error: bodyError ?? error, reusedSocket: request.reusedSocket });
    });
    request.on('response', (answer) => {
      response = answer;
      // Whoever reads the body gets its errors; one nobody reads must not end the process.
      answer.on('error', () => undefined);
      answer.on('close', forget);
      resolve(answer);
    });
    const body = outgoing.body;
    if (body === undefined || Buffer.isBuffer(body)) request.end(body);
    else {
      body.once('error', (error) => (bodyError ??= error));
      pipeline(body, request).catch((error: unknown) =>
        fail(transportError(bodyError ?? error, url)),
      );
    }
  });
}
