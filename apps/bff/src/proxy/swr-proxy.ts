import { matchOperation, type OperationId } from '@swr-console/swr-api';
import type { Request, RequestHandler, Response } from 'express';
import { regionUpstream } from '../auth/clients.js';
import { authHeaders, ERROR_LIMIT } from '../auth/upstream.js';
import { HttpProblem, titleOf } from '../problem.js';
import type { Topology } from '../regions.js';
import type { Sessions } from '../session/sessions.js';
import type { Credentials } from '../session/vault.js';
import { viewOf, type Deletions } from '../deletions/deletions.js';
import { fromStore } from '../session/store.js';
import { whenOver, type Admission } from './admission.js';
import { forward, upstreamAgent, type UpstreamCall } from './forward.js';
import { requestState } from '../request-state.js';
import { signedIn } from '../security.js';
import { bodySubject } from '../deletions/subject.js';

/** Operations the browser may not run through the proxy, and where to go instead. */
const BLOCKED: Partial<Record<OperationId, string>> = {
  CreateSecret: 'Ask for a login command at /api/login-command instead.',
  CreateInstanceTempCredential: 'Registry passwords of an instance are not handed to the browser.',
};
/** Headers the browser's request may pass on; cookies, tokens and the like never go upstream. */
const REQUEST_HEADERS = ['accept', 'accept-language'] as const;
/** Headers of SWR's answer the browser may see. */
const RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-range',
  'x-swr-expireat',
]);
const TRAVERSAL = /(^|\/)\.\.?(\/|$)|%2e|%2f|%5c|\\/i;

export interface ProxyOptions {
  topology: Topology;
  sessions: Sessions;
  admission: Admission;
  maxBodyBytes: number;
  timeoutMs: number;
  secure: boolean;
  /** Holds a DELETE sent with `Prefer: undo` for the undo window instead of sending it now. */
  deletions?: Deletions;
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

interface Target {
  url: URL;
  credentials: Credentials;
  projectId: string;
  region: string;
  operation: OperationId;
  /** Path parameters as matched (a repository keeps its `$` separators). */
  params: Record<string, string>;
  service: 'swr' | 'kms';
  /** Path and query under the region's API. */
  path: string;
}

/**
 * Everything decided before a byte goes upstream: the region is one of the configuration, the path
 * is an operation of the contract (and no traversal), and the session's credentials open.
 */
async function resolveTarget(req: Request, res: Response, options: ProxyOptions): Promise<Target> {
  const regionId = String(req.params.region);
  const { region, credentials, projectId } = await regionUpstream(res, options, regionId);
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
    throw new HttpProblem(404, titleOf(404), `${req.method} ${rawPath} is not an SWR operation.`, {
      code: 'UNKNOWN_OPERATION',
    });
  const blocked = BLOCKED[match.id];
  if (blocked) throw new HttpProblem(403, titleOf(403), blocked, { code: 'BLOCKED_OPERATION' });
  requestState(res).operation = match.id;

  const base = match.endpoint.edition === 'kms' ? region.kms : region.api;
  const path = `${rawPath}${query !== undefined ? `?${query}` : ''}`;
  let url: URL;
  try {
    url = new URL(`${base}${path}`);
  } catch {
    throw new HttpProblem(400, titleOf(400), 'The path is not a valid URL path.', {
      code: 'BAD_PATH',
    });
  }
  return {
    url,
    credentials,
    projectId,
    region: regionId,
    operation: match.id,
    params: match.params,
    service: match.endpoint.edition === 'kms' ? 'kms' : 'swr',
    path,
  };
}

/** `Prefer: undo` (RFC 7240 style): the console asks for a deletion to be held. */
function prefersUndo(req: Request): boolean {
  const prefer = req.headers.prefer;
  return (
    typeof prefer === 'string' &&
    prefer.split(',').some((token) => token.trim().toLowerCase() === 'undo')
  );
}

/**
 * Answers 202 with the held deletion: it reaches SWR when the window is over, unless undone. A
 * store that is away is a 503, and nothing is held or sent.
 */
async function hold(
  res: Response,
  deletions: Deletions,
  target: Target,
  body: Buffer,
): Promise<void> {
  const { identity } = signedIn(res);
  const record = await fromStore(
    deletions.hold({
      identity,
      credentials: target.credentials,
      region: target.region,
      projectId: target.projectId,
      operation: target.operation,
      // As the console names things: a repository with its `/`; and, where the path does not
      // say which thing goes, the body's fields that do (never over a path parameter).
      params: {
        ...bodySubject(target.operation, body.toString('utf8')),
        ...Object.fromEntries(
          Object.entries(target.params).map(([name, value]) => [
            name,
            name === 'repository' ? value.replaceAll('$', '/') : value,
          ]),
        ),
      },
      service: target.service,
      path: target.path,
      body: body.toString('utf8'),
    }),
    'The deletion could not be recorded just now; nothing was deleted. Try again shortly.',
  );
  requestState(res).audit = {
    action: `${target.operation}.held`,
    target: `${target.region}${target.path.split('?')[0]}`,
  };
  res
    .status(202)
    .setHeader('Preference-Applied', 'undo')
    .setHeader('cache-control', 'no-store')
    .json({ deletion: viewOf(record) });
}

/**
 * The exact request SWR receives: the browser's allowed headers, then the signature over these
 * headers and these body bytes. Decided here, whole, before any socket exists.
 */
function upstreamCall(req: Request, target: Target, body: Buffer): UpstreamCall {
  const method = req.method;
  const passed: Record<string, string> = {};
  for (const name of REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') passed[name] = value;
  }
  const signed = authHeaders(
    target.credentials,
    {
      method,
      url: target.url.href,
      body,
      projectId: target.projectId,
      region: target.region,
    },
    { 'content-type': 'application/json', host: target.url.host },
  );
  return {
    method,
    url: target.url,
    body,
    headers: {
      ...passed,
      ...signed,
      ...(target.credentials.kind === 'token' ? { 'X-Project-Id': target.projectId } : {}),
      'content-length': String(body.length),
      'user-agent': 'swr-console-bff',
    },
  };
}

/**
 * `/api/swr/:region/*`: the signed proxy. A call waits its turn for a keep-alive socket to the
 * region, and goes upstream with headers that were complete before the request was created.
 */
export function swrProxy(options: ProxyOptions): RequestHandler {
  const agent = upstreamAgent(options.secure, options.admission.limits.socketsPerOrigin);
  const forwarding = {
    timeoutMs: options.timeoutMs,
    errorBodyLimit: ERROR_LIMIT,
    responseHeaders: RESPONSE_HEADERS,
  };
  return async (req, res) => {
    const session = signedIn(res).session;
    const gone = new AbortController();
    // Only a browser that left before its answer aborts (an abort builds an exception: not per call).
    whenOver(req, res, () => {
      if (!res.writableFinished) gone.abort();
    });
    const target = await resolveTarget(req, res, options);
    const body =
      req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined
        ? Buffer.alloc(0)
        : await readBody(req, options.maxBodyBytes);
    if (
      req.method === 'DELETE' &&
      options.deletions &&
      options.deletions.windowMs > 0 &&
      prefersUndo(req)
    )
      return hold(res, options.deletions, target, body);
    let release: () => void;
    try {
      release = await options.admission.slot(target.url.origin, session.id, gone.signal);
    } catch (error) {
      if (gone.signal.aborted) return; // nobody is left to answer
      throw error;
    }
    try {
      await forward(upstreamCall(req, target, body), res, agent, forwarding);
    } finally {
      release();
    }
  };
}
