import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { finished } from 'node:stream';
import { normalizeError } from '@swr-console/swr-api';
import type { Response } from 'express';
import { sendProblem, titleOf } from '../problem.js';

/** One call to SWR, decided whole before a socket is asked for: nothing is edited later. */
export interface UpstreamCall {
  method: string;
  url: URL;
  /** Every header that goes upstream, signature included. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface ForwardOptions {
  /** Bounds the wait for SWR's response headers, and each silence while its body arrives. */
  timeoutMs: number;
  /** Of an error body, only this much is read (enough for any error SWR writes). */
  errorBodyLimit: number;
  /** Headers of SWR's answer the browser may see. */
  responseHeaders: ReadonlySet<string>;
}

/** Methods that change nothing, so a call that met a dead kept-alive socket can be sent again. */
const SAFE = new Set(['GET', 'HEAD']);
/** How a socket that the other side closed while idle shows up when it is reused. */
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/**
 * Idle sockets are closed before an upstream would close them: Node servers drop idle keep-alive
 * connections after 5 s, and reusing one at that moment is what resets a call.
 */
const FREE_SOCKET_MS = 4_000;

/** Keep-alive sockets to SWR: `sockets` per origin, reused in last-used order. */
export function upstreamAgent(secure: boolean, sockets: number): HttpAgent {
  const options = {
    keepAlive: true,
    maxSockets: sockets,
    maxFreeSockets: sockets,
    timeout: FREE_SOCKET_MS,
    scheduling: 'lifo' as const,
  };
  return secure ? new HttpsAgent(options) : new HttpAgent(options);
}

class Stalled extends Error {
  constructor() {
    super('SWR stopped sending');
    this.name = 'Stalled';
  }
}

/**
 * Sends one call upstream and answers the browser from what comes back: successful answers are
 * streamed with the allowed headers, error answers become problem details with SWR's own code.
 * Resolves once the upstream exchange is over (to free its socket); never rejects, and never
 * answers twice: whatever SWR does after the first answer is ignored.
 *
 * - No response headers within the timeout: 504. A body that stalls that long: 504 when nothing
 *   was sent yet, otherwise the browser's response is aborted (never left hanging or cut short
 *   looking complete).
 * - The connection broken before an answer: 502. A GET or HEAD that met a reset on a reused
 *   socket is sent once more on a fresh one; a change is not, and the answer says so.
 */
export function forward(
  call: UpstreamCall,
  res: Response,
  agent: HttpAgent,
  options: ForwardOptions,
): Promise<void> {
  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    let over = false;
    let upstream: { destroy(): void } | undefined;
    const end = () => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      upstream?.destroy();
      done();
    };
    const arm = (onSilence: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onSilence, options.timeoutMs);
    };
    /** Answers with a problem when nothing was sent yet; otherwise the browser's answer is cut. */
    const fail = (status: 502 | 504, code: string, detail: string) => {
      if (res.headersSent) res.destroy();
      else if (!res.destroyed) sendProblem(res, { status, title: titleOf(status), detail, code });
      end();
    };
    const timedOut = () =>
      fail(504, 'UPSTREAM_TIMEOUT', `SWR did not answer within ${options.timeoutMs} ms.`);
    // The browser went away, or its answer is complete: the upstream exchange is of no more use.
    if (res.destroyed) return end();
    res.once('close', end);

    const send = (fresh: boolean) => {
      const request = (call.url.protocol === 'https:' ? httpsRequest : httpRequest)(call.url, {
        method: call.method,
        headers: call.headers,
        // A retry opens a new connection rather than taking another idle one that may be as stale.
        agent: fresh ? false : agent,
      });
      upstream = request;
      let answered = false;
      arm(() => {
        request.destroy(new Stalled());
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (answered || over) return;
        if (error instanceof Stalled) return timedOut();
        const reset = RESET.has(error.code ?? '');
        if (reset && request.reusedSocket && !fresh && SAFE.has(call.method)) return send(true);
        if (reset && request.reusedSocket && !SAFE.has(call.method))
          return fail(
            502,
            'UPSTREAM_RESET',
            'SWR closed the connection before answering. The request was not sent again because it ' +
              'may change something: check whether it took effect before you repeat it.',
          );
        fail(
          502,
          'UPSTREAM_UNREACHABLE',
          `SWR could not be reached (${error.code ?? error.message}).`,
        );
      });
      request.on('response', (response) => {
        answered = true;
        upstream = response;
        const status = response.statusCode ?? 0;
        // Node's parser takes any three digits; what no HTTP status is, no browser is given.
        if (status < 200 || status > 599)
          return fail(
            502,
            'UPSTREAM_INVALID',
            `SWR answered with status ${status}, which is not one.`,
          );
        const silence = () => response.destroy(new Stalled());
        if (status >= 400) readError(response, status, silence);
        else relay(response, status, silence);
      });
      request.end(call.body);
    };

    /** A successful answer, streamed; its headers go out with its first byte. */
    const relay = (response: IncomingMessage, status: number, silence: () => void) => {
      const start = () => {
        if (res.headersSent) return;
        res.status(status);
        for (const [name, value] of Object.entries(response.headers)) {
          if (options.responseHeaders.has(name) && value !== undefined) res.setHeader(name, value);
        }
        res.setHeader('cache-control', 'no-store');
      };
      arm(silence);
      response.on('data', (chunk: Buffer) => {
        if (over) return;
        // A write to a browser that left would wait for a drain that never comes.
        if (res.destroyed) return end();
        start();
        if (res.write(chunk)) return arm(silence);
        // A slow browser is not a stalled SWR: no timer while waiting for it to drain.
        clearTimeout(timer);
        response.pause();
        res.once('drain', () => {
          arm(silence);
          response.resume();
        });
      });
      finished(response, (error) => {
        if (over) return;
        if (!error) {
          start();
          res.end();
          upstream = undefined; // complete: its socket goes back to the pool
          return end();
        }
        if (error instanceof Stalled) return timedOut();
        fail(502, 'UPSTREAM_INCOMPLETE', 'SWR’s answer broke off before it was complete.');
      });
    };

    /** An error answer: read up to the limit, then problem details with SWR's code and message. */
    const readError = (response: IncomingMessage, status: number, silence: () => void) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const answer = () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        const error = normalizeError(body);
        if (!res.headersSent && !res.destroyed)
          sendProblem(res, {
            status,
            title: titleOf(status),
            ...(error.message ? { detail: error.message } : {}),
            ...(error.code ? { code: error.code } : {}),
          });
        end();
      };
      arm(silence);
      response.on('data', (chunk: Buffer) => {
        if (over) return;
        arm(silence);
        const room = options.errorBodyLimit - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        // What is beyond the limit is not what an error says; stop reading (the socket goes too).
        if (size >= options.errorBodyLimit) answer();
      });
      finished(response, (error) => {
        if (over) return;
        if (!error) {
          upstream = undefined; // read whole: its socket goes back to the pool
          return answer();
        }
        if (error instanceof Stalled) return timedOut();
        fail(
          502,
          'UPSTREAM_INCOMPLETE',
          `SWR’s ${status} answer broke off before it was complete.`,
        );
      });
    };

    send(false);
  });
}
