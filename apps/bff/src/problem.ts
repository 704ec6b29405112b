import type { ProblemDetails } from '@swr-console/swr-api';
import type { ErrorRequestHandler, Response } from 'express';
import { requestState } from './request-state.js';

/**
 * The one error type of the BFF: it becomes `application/problem+json` with the request id, and,
 * for SWR's errors, SWR's own code and message.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { code?: string; errors?: { field: string; message: string }[] } = {},
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(detail ?? title, options);
    this.name = 'HttpProblem';
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function titleOf(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Request Error');
}

export interface ProblemInput {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

export function sendProblem(res: Response, problem: ProblemInput): void {
  const requestId = requestState(res).requestId;
  const body: ProblemDetails = {
    type: 'about:blank',
    ...problem,
    ...(requestId ? { request_id: requestId } : {}),
  };
  res
    .status(problem.status)
    .type('application/problem+json')
    .setHeader('cache-control', 'no-store');
  res.send(JSON.stringify(body));
}

/** The last middleware: every error, known or not, as problem details; no stack trace leaves. */
export function problemHandler(
  log: (error: unknown, requestId: string | undefined) => void,
): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof HttpProblem) {
      if (error.cause !== undefined) log(error.cause, requestState(res).requestId);
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      sendProblem(res, {
        status: error.status,
        title: error.title,
        ...(error.detail ? { detail: error.detail } : {}),
        ...error.extra,
      });
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status === 413 || (error as { type?: string }).type === 'entity.too.large') {
      sendProblem(res, {
        status: 413,
        title: titleOf(413),
        detail: 'The request body is too large.',
      });
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendProblem(res, { status, title: titleOf(status) });
      return;
    }
    log(error, requestState(res).requestId);
    sendProblem(res, {
      status: 500,
      title: titleOf(500),
      detail: 'Something went wrong on the server.',
      code: 'INTERNAL_ERROR',
    });
  };
}
