import {
  Agent as HttpAgent,
  type ClientRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import { matchOperation, normalizeError, type OperationId } from '@swr-console/swr-api';
import type { Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { authHeaders } from '../auth/upstream.js';
import { HttpProblem, sendProblem, titleOf } from '../problem.js';
import { findRegion, type Topology } from '../regions.js';
import type { LoadedSession, Sessions } from '../session/sessions.js';
import type { Credentials } from '../session/vault.js';

/** Operations the browser may not run through the proxy, and where to go instead. */
const BLOCKED: Partial<Record<OperationId, string>> = {
  CreateSecret: 'Ask for a login command at /api/login-command instead.',
  CreateInstanceTempCredential: 'Registry passwords of an instance are not handed to the browser.',
};
/** Headers the browser's request may pass on; cookies, tokens and the like never go upstream. */
const REQUEST_HEADERS = new Set(['accept', 'accept-language']);
/** Headers of SWR's answer the browser may see. */
const RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-range',
  'x-swr-expireat',
]);
const TRAVERSAL = /(^|\/)\.\.?(\/|$)|%2e|%2f|%5c|\\/i;

interface ProxyCall {
  target: string;
  path: string;
  body: Buffer;
  credentials: Credentials;
  projectId: string;
  region: string;
  operation: OperationId;
  timer?: NodeJS.Timeout;
  timedOut?: boolean;
}

const calls = new WeakMap<IncomingMessage, ProxyCall>();

export interface ProxyOptions {
  topology: Topology;
  sessions: Sessions;
  maxBodyBytes: number;
  timeoutMs: number;
  secure: boolean;
}

/** Reads the request body to the limit; a larger one is refused before it is read whole. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    throw new HttpProblem(413, titleOf(413), `Request bodies are limited to ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new HttpProblem(413, titleOf(413), `Request bodies are limited to ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Everything decided before a byte goes upstream: the region is one of the configuration, the path
 * is an operation of the contract (and no traversal), the body within the limit, and the session's
 * credentials open.
 */
function prepare(options: ProxyOptions): RequestHandler {
  return async (req, res, next) => {
    const regionId = String(req.params.region);
    const region = findRegion(options.topology, regionId);
    if (!region)
      throw new HttpProblem(400, titleOf(400), `Region "${regionId}" is not configured.`, {
        code: 'UNKNOWN_REGION',
      });
    const prefix = `/api/swr/${regionId}`;
    const [rawPath = '/', query] = req.originalUrl.slice(prefix.length).split(/\?(.*)/s);
    if (TRAVERSAL.test(rawPath))
      throw new HttpProblem(
        400,
        titleOf(400),
        'The path may not contain dot segments or escaped separators.',
        { code: 'BAD_PATH' },
      );
    const match = matchOperation(req.method, rawPath);
    if (!match)
      throw new HttpProblem(
        404,
        titleOf(404),
        `${req.method} ${rawPath} is not an SWR operation.`,
        { code: 'UNKNOWN_OPERATION' },
      );
    const blocked = BLOCKED[match.id];
    if (blocked) throw new HttpProblem(403, titleOf(403), blocked, { code: 'BLOCKED_OPERATION' });

    const session = res.locals.session as LoadedSession;
    const credentials = options.sessions.credentials(session);
    if (!credentials) {
      await options.sessions.signOut(res);
      throw new HttpProblem(401, titleOf(401), 'The session could not be read; sign in again.', {
        code: 'SESSION_INVALID',
      });
    }
    const projectId = session.record.identity!.projects[regionId];
    if (!projectId)
      throw new HttpProblem(403, titleOf(403), `Your account has no project in ${regionId}.`, {
        code: 'NO_PROJECT',
      });

    const body =
      req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined
        ? Buffer.alloc(0)
        : await readBody(req, options.maxBodyBytes);
    calls.set(req, {
      target: match.endpoint.edition === 'kms' ? region.kms : region.api,
      path: `${rawPath}${query !== undefined ? `?${query}` : ''}`,
      body,
      credentials,
      projectId,
      region: regionId,
      operation: match.id,
    });
    res.locals.operation = match.id;
    next();
  };
}

function onProxyReq(timeoutMs: number) {
  return (proxyReq: ClientRequest, req: IncomingMessage) => {
    const call = calls.get(req)!;
    for (const name of proxyReq.getHeaderNames()) {
      if (!REQUEST_HEADERS.has(name)) proxyReq.removeHeader(name);
    }
    const url = `${call.target}${call.path}`;
    const signed = authHeaders(
      call.credentials,
      {
        method: req.method ?? 'GET',
        url,
        body: call.body,
        projectId: call.projectId,
        region: call.region,
      },
      { 'content-type': 'application/json', host: new URL(call.target).host },
    );
    for (const [name, value] of Object.entries(signed)) proxyReq.setHeader(name, value);
    if (call.credentials.kind === 'token') proxyReq.setHeader('X-Project-Id', call.projectId);
    proxyReq.setHeader('content-length', String(call.body.length));
    proxyReq.setHeader('user-agent', 'swr-console-bff');
    call.timer = setTimeout(() => {
      call.timedOut = true;
      proxyReq.destroy(new Error('upstream timeout'));
    }, timeoutMs);
    // The exact bytes that were signed; the consumed request stream then ends the upstream request.
    if (call.body.length > 0) proxyReq.write(call.body);
  };
}

function onProxyRes(proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse): void {
  const call = calls.get(req)!;
  clearTimeout(call.timer);
  const status = proxyRes.statusCode ?? 502;
  if (status < 400) {
    res.statusCode = status;
    for (const [name, value] of Object.entries(proxyRes.headers)) {
      if (RESPONSE_HEADERS.has(name) && value !== undefined) res.setHeader(name, value);
    }
    res.setHeader('cache-control', 'no-store');
    proxyRes.pipe(res);
    return;
  }
  // SWR's error bodies (several shapes) become problem details with SWR's code and message.
  const chunks: Buffer[] = [];
  proxyRes.on('data', (chunk: Buffer) => chunks.push(chunk));
  proxyRes.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    const error = normalizeError(body);
    sendProblem(res as Response, {
      status,
      title: titleOf(status),
      ...(error.message ? { detail: error.message } : {}),
      ...(error.code ? { code: error.code } : {}),
    });
  });
}

function onError(error: Error, req: IncomingMessage, res: ServerResponse | Socket): void {
  const call = calls.get(req);
  if (call) clearTimeout(call.timer);
  if (!('setHeader' in res) || res.headersSent) {
    res.destroy();
    return;
  }
  if (call?.timedOut) {
    sendProblem(res as Response, {
      status: 504,
      title: titleOf(504),
      detail: 'SWR did not answer in time.',
      code: 'UPSTREAM_TIMEOUT',
    });
  } else {
    sendProblem(res as Response, {
      status: 502,
      title: titleOf(502),
      detail: `SWR could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message}).`,
      code: 'UPSTREAM_UNREACHABLE',
    });
  }
}

/**
 * `/api/swr/:region/*`: the signed proxy. http-proxy-middleware forwards over a keep-alive agent;
 * headers are replaced by an allow-list and the session's signature before the body is written.
 */
export function swrProxy(options: ProxyOptions): RequestHandler[] {
  const agent = options.secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
    : new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const proxy = createProxyMiddleware<Request, Response>({
    router: (req) => calls.get(req)!.target,
    pathRewrite: (_path, req) => calls.get(req)!.path,
    changeOrigin: true,
    selfHandleResponse: true,
    agent,
    logger: undefined,
    on: { proxyReq: onProxyReq(options.timeoutMs), proxyRes: onProxyRes, error: onError },
  });
  return [prepare(options), proxy];
}
