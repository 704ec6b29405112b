import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { requestState } from './request-state.js';

/** Whatever a log line might carry that is a secret: never written, whatever the level. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-auth-token"]',
  'req.headers["x-csrf-token"]',
  'req.headers["x-security-token"]',
  'res.headers["set-cookie"]',
  'res.headers["x-swr-dockerlogin"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.secretKey',
  '*.secret_key',
  '*.sk',
  '*.token',
  '*.loginKey',
];

/** The fields of a request line, which the human form writes as one short sentence. */
const REQUEST_FIELDS = ['requestId', 'method', 'path', 'status', 'ms'];

/**
 * JSON lines for machines; for a person at a terminal (`auto` on a TTY, or `pretty`), one short
 * line per event: time, level, what happened, and the few fields that matter.
 */
function humanReadable(destination: DestinationStream | undefined): DestinationStream {
  return pretty({
    ...(destination ? { destination: destination as NodeJS.WritableStream } : {}),
    colorize: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: ['pid', 'hostname', 'service', ...REQUEST_FIELDS].join(','),
    messageFormat: (line, messageKey) =>
      line.status === undefined
        ? String(line[messageKey])
        : `${String(line.method)} ${String(line.path)} → ${String(line.status)} in ${String(line.ms)} ms`,
  });
}

export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: 'auto' | 'json' | 'pretty' = 'json',
): Logger {
  const human = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { service: 'swr-console-bff' },
    },
    human ? humanReadable(destination) : destination,
  );
}

/**
 * One line per answered request, with its id, status and time; the path only (a query may carry
 * names users typed). Failures at info, everything else at debug, so a quiet log costs nothing.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug';
      if (!log.isLevelEnabled(level)) return;
      log[level](
        {
          requestId: requestState(res).requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    next();
  };
}
