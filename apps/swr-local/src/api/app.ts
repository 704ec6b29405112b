import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  EnterpriseErrorCode,
  GatewayErrorCode,
  KmsErrorCode,
  matchOperation,
  operations,
  SwrErrorCode,
  type Operation,
  type OperationId,
} from '@swr-console/swr-api';
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type Response,
} from 'express';
import { RegistryError, RegistryUnavailable } from '../registry/client.js';
import type { Services } from '../services.js';
import { authenticate } from './auth.js';
import { SwrError } from '../domain/errors.js';
import { GatewayError } from './errors.js';
import { contextOf, type Context, type Handlers } from './handler.js';
import { validateBody, validatePath, validateQuery } from './validate.js';

/** SWR's bodies are small JSON documents; anything bigger is refused before it is read whole. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The SWR management API of one region, dispatched through the contract's operation table. */
export function createRegionApi(region: string, services: Services, handlers: Handlers): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.locals.requestId = randomUUID();
    res.setHeader('X-Request-Id', res.locals.requestId as string);
    next();
  });
  // The signature covers the body as sent, so it is never decompressed: an encoded body is a 400.
  app.use(express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false }));

  app.use(async (req: Request, res: Response) => {
    const [rawPath, rawQuery = ''] = splitOnce(req.originalUrl, '?');
    const match = matchOperation(req.method, rawPath);
    if (!match) {
      throw new GatewayError(
        404,
        GatewayErrorCode.notFound,
        'The API does not exist or has not been published in the environment',
      );
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const now = services.clock();
    const principal = await authenticate(
      { method: req.method, url: req.originalUrl, headers: flatten(req.headers), body },
      services.identity,
      region,
      now,
    );
    res.locals.edition = match.endpoint.edition;
    const operation: Operation = operations[match.id];
    const context = contextOf({
      region,
      principal,
      params: validatePath(operation, match.params),
      query: validateQuery(operation, rawQuery),
      body: validateBody(operation, body),
      services,
      now,
      requestId: res.locals.requestId as string,
    });
    const handler = handlers[match.id] as (
      context: Context<OperationId>,
    ) => ReturnType<Handlers[OperationId]>;
    const reply = (await handler(context)) ?? {};
    res.status(reply.status ?? match.endpoint.status);
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.body === undefined) res.end();
    else res.json(reply.body);
  });

  app.use(errorHandler(services));
  return app;
}

/** What went wrong, as the SWR error it answers; undefined for a bug (a 500, and logged). */
function asSwrError(error: unknown): SwrError | undefined {
  if (error instanceof SwrError) return error;
  if (error instanceof RegistryUnavailable)
    return new SwrError(503, SwrErrorCode.unavailable, error.message);
  // The registry refused a call the records said would work (a blob gone, a registry restarting):
  // the storage is not answering as it should, which is not the client's doing.
  if (error instanceof RegistryError)
    return new SwrError(
      503,
      SwrErrorCode.unavailable,
      'The registry could not complete the request',
    );
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large')
    return new SwrError(
      413,
      SwrErrorCode.tooLarge,
      `The request body exceeds ${MAX_BODY_BYTES} bytes`,
    );
  if (type === 'encoding.unsupported')
    return new SwrError(
      400,
      SwrErrorCode.invalidParameter,
      'Request bodies are accepted uncompressed only: send no Content-Encoding (or identity)',
    );
  // Anything else the body reader refuses (a body cut short, a length that lies) is the client's;
  // its errors carry a `type`.
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500)
    return new SwrError(400, SwrErrorCode.invalidParameter, 'The request body could not be read');
  return undefined;
}

function errorHandler(services: Services): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const requestId = res.locals.requestId as string;
    if (error instanceof GatewayError) {
      res.status(error.status).json(error.toBody(requestId));
      return;
    }
    let answer = asSwrError(error);
    if (!answer) {
      services.log.error({ err: error, requestId }, 'unexpected error');
      answer = new SwrError(500, SwrErrorCode.internal, 'Internal error');
    }
    if (answer.status === 503) res.setHeader('Retry-After', '2');
    res.status(answer.status).json(editionBody(res.locals.edition as Edition, answer));
  };
}

type Edition = Operation['edition'];

const ENTERPRISE_BY_STATUS: Record<number, string> = {
  400: EnterpriseErrorCode.invalidParameter,
  403: EnterpriseErrorCode.forbidden,
  404: EnterpriseErrorCode.notFound,
  409: EnterpriseErrorCode.exists,
  503: EnterpriseErrorCode.unavailable,
};
const KMS_BY_STATUS: Record<number, string> = {
  400: KmsErrorCode.invalidParameter,
  403: KmsErrorCode.forbidden,
  404: KmsErrorCode.keyNotFound,
};

/**
 * SWR's error in the body its API family uses: the Basic edition's combined object, the
 * Enterprise edition's plain `{error_code, error_msg}` (its own codes, without `SVCSTG.`), or the
 * key service's `{error: {...}}`. Shared checks (validation, permissions) raise Basic codes, which
 * are translated by status.
 */
function editionBody(edition: Edition, error: SwrError): unknown {
  if (edition === 'enterprise') {
    const code = error.code.startsWith('SVCSTG.')
      ? (ENTERPRISE_BY_STATUS[error.status] ?? EnterpriseErrorCode.internal)
      : error.code;
    return { error_code: code, error_msg: error.message };
  }
  if (edition === 'kms') {
    const code = error.code.startsWith('SVCSTG.')
      ? (KMS_BY_STATUS[error.status] ?? KmsErrorCode.internal)
      : error.code;
    return { error: { error_code: code, error_msg: error.message } };
  }
  return error.toBody();
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
