import { pino, type DestinationStream, type Logger } from 'pino';

/** Whatever a log line might carry that is a secret: never written, whatever the level. */
export const REDACT = [
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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { service: 'swr-console-bff' },
    },
    destination,
  );
}
